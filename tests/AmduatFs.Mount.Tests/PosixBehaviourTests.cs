namespace AmduatFs.Mount.Tests;

/// <summary>Staging behaves like a local filesystem for the operations tools rely on.</summary>
public sealed class PosixBehaviourTests
{
    [FuseFact]
    public void Rename_over_unlink_open_truncate_append_mmap_links_and_xattrs()
    {
        using var mount = new MountedStore();
        string output = Shell.Bash($"""
            cd '{mount.Staging}'
            echo 'a longer first version' > over; echo short > over; cat over
            printf old > target; printf new > source
            mv source target; cat target; echo
            mkdir -p d1/d2 d3; printf moved > d1/d2/f; mv d1/d2 d3/; cat d3/d2/f; echo
            ! rmdir d3 2>/dev/null; rmdir d1
            printf 'open data' > gone; exec 3< gone; rm gone; cat <&3; echo; exec 3<&-
            test ! -e gone
            printf 0123456789 > t; truncate -s 4 t; printf ab >> t; cat t; echo
            truncate -s 8 t; od -An -c t | tr -s ' '
            printf 'XY' | dd of=t bs=1 seek=2 conv=notrunc status=none; cat t | tr '\0' '.'; echo
            python3 -c "import mmap;f=open('t','rb');m=mmap.mmap(f.fileno(),0,prot=mmap.PROT_READ);print(m[:4])"
            ! ln t hard 2>/dev/null
            ln -s t soft; readlink soft
            chmod 640 t; stat -c %a t
            chown 42:43 t; stat -c %u:%g t
            touch -d @1234567890.123456789 t; stat -c %.9Y t
            setfattr -n user.a -v 1 t; setfattr -n trusted.b -v 2 t; getfattr --only-values -n user.a t; echo
            setfattr -x user.a t; ! getfattr -n user.a t 2>/dev/null
            test "$(stat -f -c %b .)" -gt 0 && echo statfs ok
            """);
        Assert.Equal(
            """
            short
            new
            moved
            open data
            0123ab
             0 1 2 3 a b \0 \0
            01XYab..
            b'01XY'
            t
            640
            42:43
            1234567890.123456789
            1
            statfs ok

            """, output);
    }

    [FuseFact]
    public void Three_GiB_sparse_file_reads_back()
    {
        using var mount = new MountedStore();
        string output = Shell.Bash($"""
            cd '{mount.Staging}'
            truncate -s 3G sparse
            printf tail | dd of=sparse bs=1 seek=$((3*1024*1024*1024 - 4)) conv=notrunc status=none
            stat -c %s sparse
            tail -c 4 sparse; echo
            head -c $((3*1024*1024*1024 - 4)) sparse | cmp - <(head -c $((3*1024*1024*1024 - 4)) /dev/zero) && echo zeros
            mkdir ../snapshots/sparse
            tail -c 4 ../snapshots/sparse/sparse; echo
            """);
        Assert.Equal("3221225472\ntail\nzeros\ntail\n", output);
    }

    [FuseFact]
    public void Git_works_inside_staging()
    {
        using var mount = new MountedStore();
        string output = Shell.Bash($"""
            cd '{mount.Staging}'
            mkdir repo && cd repo
            git init -q
            git config user.email t@example.com; git config user.name Tester
            echo one > a.txt; mkdir sub; echo two > sub/b.txt
            git add -A; git commit -qm first
            echo three >> a.txt; git commit -qam second
            git log --format=%s
            git status --porcelain
            git fsck --no-progress 2>&1 | grep -v '^Checking' || true
            """);
        Assert.Equal("second\nfirst\n", output);
    }
}
