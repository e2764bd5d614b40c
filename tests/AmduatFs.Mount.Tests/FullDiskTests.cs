namespace AmduatFs.Mount.Tests;

/// <summary>Staging on a store whose disk fills up: the writer gets ENOSPC, the daemon goes on, nothing stored is lost.</summary>
public sealed class FullDiskTests
{
    /// <summary>Needs both a FUSE mount and a small disk; skipped, with the reason, without either.</summary>
    private sealed class FuseOnSmallDiskFactAttribute : FactAttribute
    {
        public FuseOnSmallDiskFactAttribute()
        {
            string? reason = FuseFactAttribute.Unavailable ?? SmallDiskFactAttribute.Unavailable;
            if (reason is not null) Skip = $"SKIPPED: {reason}";
        }
    }

    [FuseOnSmallDiskFact]
    public void Writing_past_a_full_disk_fails_with_ENOSPC_and_keeps_earlier_files()
    {
        using var disk = new SmallDisk(megabytes: 32);
        using var mount = new MountedStore(Path.Combine(disk.Path, "store"));
        Shell.Bash($"head -c 1000000 /dev/urandom > '{mount.Staging}/kept' && sha256sum '{mount.Staging}/kept' > '{mount.Scratch("sum")}'");
        Shell.Bash($"sync -f '{mount.Staging}/kept'; python3 -c \"import os; fd=os.open('{mount.Staging}/kept', os.O_RDONLY); os.fsync(fd)\"");

        var full = Shell.Run("dd", "if=/dev/urandom", $"of={mount.Staging}/too-big", "bs=1M", "count=64", "conv=fsync");
        Assert.NotEqual(0, full.ExitCode);
        Assert.Contains("No space left on device", full.Stderr);

        Shell.Bash($"rm -f '{mount.Staging}/too-big'; sha256sum -c --quiet '{mount.Scratch("sum")}'");
        mount.Unmount();
        mount.Mount();
        Shell.Bash($"sha256sum -c --quiet '{mount.Scratch("sum")}'");
    }
}
