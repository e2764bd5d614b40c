namespace AmduatFs.Mount.Tests;

/// <summary>What a mount leaves behind: staging and snapshots across unmount, remount and a killed daemon.</summary>
public sealed class PersistenceTests
{
    [FuseFact]
    public void Remount_keeps_staging_and_snapshot_inode_numbers_and_rsync_transfers_nothing_twice()
    {
        using var mount = new MountedStore();
        string source = mount.Scratch("source");
        SampleTree.Create(source);
        Shell.Run("cp", "-a", source, Path.Combine(mount.Staging, "src")).Ok("cp -a");
        Directory.CreateDirectory(Path.Combine(mount.Snapshots, "s1"));
        string Inodes() => Shell.Bash($"cd '{mount.Snapshots}/s1' && find . -printf '%i %P\\n' | sort");
        string before = Inodes();
        string copy = mount.Scratch("copy");
        Shell.Run("rsync", "-a", "--stats", Path.Combine(mount.Snapshots, "s1") + "/", copy + "/").Ok("rsync");

        mount.Unmount();
        mount.Mount();

        Assert.Equal(before, Inodes());
        SampleTree.AssertSame(source, Path.Combine(mount.Staging, "src"));
        string stats = Shell.Run("rsync", "-a", "--stats", Path.Combine(mount.Snapshots, "s1") + "/", copy + "/").Ok("rsync").Stdout;
        Assert.Contains("Number of regular files transferred: 0", stats);
        SampleTree.AssertSame(source, Path.Combine(copy, "src"), xattrs: false);
    }

    [FuseFact]
    public void Killed_daemon_leaves_every_fsynced_file_intact_after_umount_and_remount()
    {
        using var mount = new MountedStore();
        Shell.Bash($"""
            cd '{mount.Staging}'
            mkdir kept
            for i in $(seq 1 20); do head -c $((i * 7000)) /dev/urandom > kept/f$i; done
            head -c 5000000 /dev/urandom > kept/big
            sha256sum kept/* > '{mount.Scratch("sums")}'
            sync -f kept/big
            dd if=kept/big of=kept/synced bs=1M conv=fsync status=none
            """);
        mount.KillDaemon();
        Assert.NotEqual(0, Shell.Run("ls", mount.Staging).ExitCode);
        mount.Cli("umount", mount.MountPoint).Ok("umount of a stale mount");
        mount.Mount();
        Shell.Bash($"cd '{mount.Staging}' && sha256sum -c --quiet '{mount.Scratch("sums")}' && cmp kept/big kept/synced");
    }

    [FuseFact]
    public void SIGTERM_unmounts_cleanly_and_commits_what_was_closed()
    {
        using var mount = new MountedStore();
        File.WriteAllText(Path.Combine(mount.Staging, "last words"), "written just before SIGTERM");
        Assert.Equal(0, mount.TerminateDaemon());
        Assert.False(AmduatFs.Fuse.FuseMounts.IsMounted(mount.MountPoint));
        Assert.Equal("written just before SIGTERM", mount.Cli("cat", "staging/last words").Ok("cat").Stdout);
    }

    [FuseFact]
    public void Damaged_block_reads_as_EIO_and_the_log_names_it()
    {
        using var mount = new MountedStore();
        Shell.Bash($"head -c 300000 /dev/urandom > '{mount.Staging}/victim' && mkdir '{mount.Snapshots}/s'");
        mount.Unmount();
        string block = Directory.EnumerateFiles(Path.Combine(mount.Store, "blocks"), "*.blk", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length).First();
        using (var stream = new FileStream(block, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = 1000;
            int b = stream.ReadByte();
            stream.Position = 1000;
            stream.WriteByte((byte)(b ^ 0x10));
        }
        mount.Mount();
        var read = Shell.Run("cat", Path.Combine(mount.Snapshots, "s", "victim"));
        Assert.NotEqual(0, read.ExitCode);
        Assert.Contains("Input/output error", read.Stderr);
        Assert.Contains(Path.GetFileNameWithoutExtension(block), mount.DaemonLog);
    }
}
