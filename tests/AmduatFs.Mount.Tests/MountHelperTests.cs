using AmduatFs.Fuse;

namespace AmduatFs.Mount.Tests;

/// <summary>contrib/mount.amduatfs, run the way mount(8) runs it for `mount -t fuse.amduatfs` and /etc/fstab.</summary>
public sealed class MountHelperTests
{
    private const string InstalledHelper = "/sbin/mount.fuse.amduatfs";

    private static string Contrib(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "contrib", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"contrib/{name} not found above {AppContext.BaseDirectory}");
    }

    [FuseFact]
    public void Mount_t_fuse_amduatfs_mounts_in_the_background_with_options()
    {
        using var store = new StoreWithoutMount();
        string wrapper = Path.Combine(store.Root, "amduatfs");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{MountedStore.CliDll}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)Convert.ToInt32("755", 8));
        bool installed = false;
        if (!File.Exists(InstalledHelper))
        {
            File.Copy(Contrib("mount.amduatfs"), InstalledHelper);
            installed = true;
        }
        try
        {
            Shell.Bash($"AMDUATFS_BIN='{wrapper}' mount -t fuse.amduatfs '{store.Store}' '{store.MountPoint}' -o allow_other,noatime,nodev");
            Assert.Equal(store.Store, MountHost.StoreMountedAt(store.MountPoint));
            Assert.Contains("allow_other", File.ReadAllLines("/proc/self/mountinfo").Single(l => l.Contains(" " + store.MountPoint + " ")));
            File.WriteAllText(Path.Combine(store.MountPoint, "local", "staging", "f"), "via mount(8)");
            store.Cli("umount", store.MountPoint).Ok("umount");
            Assert.False(FuseMounts.IsMounted(store.MountPoint));
            Assert.Equal("via mount(8)", store.Cli("cat", "staging/f").Ok("cat").Stdout);
        }
        finally
        {
            if (installed) File.Delete(InstalledHelper);
        }
    }

    [FuseFact]
    public void Helper_refuses_a_malformed_command_line()
    {
        var result = Shell.Run(Contrib("mount.amduatfs"), "only-one-argument");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("usage: mount.amduatfs", result.Stderr);
    }

    /// <summary>An initialised store and an empty mount point, with nothing mounted yet.</summary>
    private sealed class StoreWithoutMount : IDisposable
    {
        public StoreWithoutMount()
        {
            Directory.CreateDirectory(MountPoint);
            Cli("init").Ok("init");
        }

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "amduatfs-helper-" + Guid.NewGuid().ToString("N")[..10]);
        public string Store => Path.Combine(Root, "store");
        public string MountPoint => Path.Combine(Root, "mnt");

        public Shell.Result Cli(params string[] args) => Shell.Run("dotnet", [MountedStore.CliDll, "--store", Store, .. args]);

        public void Dispose()
        {
            if (FuseMounts.IsMounted(MountPoint)) Cli("umount", MountPoint);
            try { Directory.Delete(Root, true); } catch (IOException) { }
        }
    }
}
