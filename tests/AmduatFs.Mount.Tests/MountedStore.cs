using System.Diagnostics;
using AmduatFs.Fuse;

namespace AmduatFs.Mount.Tests;

/// <summary>
/// A fresh store served by a real `amduatfs mount` daemon (a child process) at a private mount point.
/// Dispose unmounts through `amduatfs umount`, kills a daemon that does not stop, and removes everything.
/// </summary>
internal sealed class MountedStore : IDisposable
{
    public static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "amduatfs.dll");

    private Process? _daemon;
    private string _daemonLog = "";

    /// <param name="store">where the store lives (default: inside this fixture's temporary directory).</param>
    public MountedStore(string? store = null)
    {
        Store = store ?? Path.Combine(Root, "store");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(MountPoint);
        Cli("init").Ok("init");
        Mount();
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "amduatfs-mount-" + Guid.NewGuid().ToString("N")[..10]);
    public string Store { get; }
    public string MountPoint => Path.Combine(Root, "mnt");
    public string Staging => Path.Combine(MountPoint, "local", "staging");
    public string Snapshots => Path.Combine(MountPoint, "local", "snapshots");
    public string Scratch(string name) => Path.Combine(Root, name);
    public int DaemonPid => _daemon!.Id;

    public Shell.Result Cli(params string[] args) => Shell.Run("dotnet", [CliDll, "--store", Store, .. args]);

    public void Mount()
    {
        _daemonLog = Path.Combine(Root, $"daemon-{Guid.NewGuid():N}.log");
        var info = new ProcessStartInfo("bash") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec \"$@\" >\"$LOG\" 2>&1", "bash", "dotnet", CliDll, "--store", Store, "mount", MountPoint })
            info.ArgumentList.Add(arg);
        info.Environment["LOG"] = _daemonLog;
        _daemon = Process.Start(info)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (MountHost.StoreMountedAt(MountPoint) is null)
        {
            if (_daemon.HasExited) throw new InvalidOperationException($"daemon exited {_daemon.ExitCode}: {File.ReadAllText(_daemonLog)}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not mounted in time: {File.ReadAllText(_daemonLog)}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Unmounts with `amduatfs umount` and waits for the daemon to exit cleanly; returns its log.</summary>
    public string Unmount()
    {
        Cli("umount", MountPoint).Ok("umount");
        Assert.True(_daemon!.WaitForExit(TimeSpan.FromSeconds(60)), "daemon did not exit after umount");
        Assert.True(_daemon.ExitCode == 0, $"daemon exited {_daemon.ExitCode}: {DaemonLog}");
        Assert.False(FuseMounts.IsMounted(MountPoint));
        return DaemonLog;
    }

    public string DaemonLog => File.Exists(_daemonLog) ? File.ReadAllText(_daemonLog) : "";

    /// <summary>SIGTERM, as systemd or a shutdown sends it; returns the daemon's exit code.</summary>
    public int TerminateDaemon()
    {
        Shell.Run("kill", "-TERM", _daemon!.Id.ToString()).Ok("kill -TERM");
        Assert.True(_daemon.WaitForExit(TimeSpan.FromSeconds(60)), "daemon did not exit after SIGTERM");
        return _daemon.ExitCode;
    }

    public void KillDaemon()
    {
        _daemon!.Kill();
        _daemon.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (_daemon is { HasExited: false })
            {
                Cli("umount", MountPoint);
                if (!_daemon.WaitForExit(TimeSpan.FromSeconds(30))) _daemon.Kill();
            }
            if (FuseMounts.IsMounted(MountPoint)) FuseMounts.Unmount(MountPoint);
        }
        finally
        {
            try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
