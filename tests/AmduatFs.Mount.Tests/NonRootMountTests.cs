using AmduatFs.Fuse;

namespace AmduatFs.Mount.Tests;

/// <summary>
/// An unprivileged user mounts through fusermount3, uses the mount, and unmounts with `amduatfs umount`. libfuse needs
/// /dev/fuse open to all for that (mode 0666, Debian's default); the test sets that mode for its duration and then
/// restores the one it found.
/// </summary>
public sealed class NonRootMountTests
{
    [FuseFact]
    public void Unprivileged_user_mounts_writes_snapshots_and_unmounts()
    {
        string root = Directory.CreateTempSubdirectory("amduatfs-nonroot-").FullName;
        string mountPoint = Path.Combine(root, "mnt");
        try
        {
            string output = Shell.Bash($$"""
                root='{{root}}'; mnt='{{mountPoint}}'
                mode=$(stat -c %a /dev/fuse); trap 'chmod "$mode" /dev/fuse' EXIT; chmod 666 /dev/fuse
                mkdir "$root/mnt" "$root/home"
                cp -r '{{AppContext.BaseDirectory}}' "$root/bin"
                chown -R nobody:nogroup "$root"
                as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$root/home" DOTNET_CLI_HOME="$root/home" "$@"; }
                cli() { as_nobody dotnet "$root/bin/amduatfs.dll" --store "$root/store" "$@"; }
                cli init > /dev/null
                cli mount "$mnt" > "$root/daemon.log" 2>&1 &
                daemon=$!
                for i in $(seq 600); do grep -q " $mnt .* fuse.amduatfs " /proc/self/mountinfo && break; sleep 0.05; done
                grep " $mnt .* fuse.amduatfs " /proc/self/mountinfo | grep -q user_id=65534 && echo mounted by nobody
                as_nobody sh -c "echo hello > '$mnt/local/staging/f' && mkdir '$mnt/local/snapshots/s' && cat '$mnt/local/snapshots/s/f' && stat -c %U '$mnt/local/staging/f'"
                ! ls "$mnt/local" 2>/dev/null && echo root kept out without allow_other
                cli umount "$mnt" > /dev/null
                wait $daemon && echo daemon exited 0
                cli cat s/f
                """);
            Assert.Equal("mounted by nobody\nhello\nnobody\nroot kept out without allow_other\ndaemon exited 0\nhello\n", output);
            Assert.False(FuseMounts.IsMounted(mountPoint));
        }
        finally
        {
            if (FuseMounts.IsMounted(mountPoint)) FuseMounts.Unmount(mountPoint, lazy: true);
            Directory.Delete(root, recursive: true);
        }
    }
}
