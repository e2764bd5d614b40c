using System.Diagnostics;
using AmduatFs.Fuse.Native;

namespace AmduatFs.Fuse;

/// <summary>Checks for FUSE mounts and removes them, also stale ones whose daemon died.</summary>
public static class FuseMounts
{
    private static readonly TimeSpan FusermountTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Whether a FUSE filesystem is mounted at the path (from /proc/self/mountinfo; true for stale mounts too).</summary>
    public static bool IsMounted(string path) => MountTable.FindFuse(MountTable.Canonical(path)) is not null;

    /// <summary>The FUSE mount at the path (the most recent one), also when its daemon is gone; null when there is none.</summary>
    public static FuseMountInfo? Find(string path) =>
        MountTable.FindFuse(MountTable.Canonical(path)) is { } entry ? new FuseMountInfo(entry.MountPoint, entry.FsType, entry.Source) : null;

    /// <summary>
    /// Unmounts the FUSE filesystem at the path, if any. Lazy (the default) detaches it at once and lets users still
    /// inside finish; it never waits on the daemon, so it works on stale mounts. As root this is umount2, otherwise
    /// <c>fusermount3 -u [-z]</c>. Throws <see cref="FuseException"/> when the mount stays.
    /// </summary>
    public static void Unmount(string path, bool lazy = true)
    {
        string mountPoint = MountTable.Canonical(path);
        if (MountTable.FindFuse(mountPoint) is null) return;
        if (Libc.GetEuid() == 0)
        {
            if (Libc.Umount2(mountPoint, lazy ? Libc.MNT_DETACH : 0) != 0)
                throw new FuseException($"umount2({mountPoint}) failed: {Libc.Describe(System.Runtime.InteropServices.Marshal.GetLastPInvokeError())}");
        }
        else
        {
            RunFusermount(mountPoint, lazy);
        }
    }

    /// <summary>Null when FUSE can be used here; otherwise why not.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists("/dev/fuse")) return "/dev/fuse does not exist (no fuse kernel module, or a container without --device /dev/fuse)";
        int fd = Libc.Open("/dev/fuse", Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            string hint = Libc.GetEuid() != 0 ? " (other users than root need it readable and writable by all, mode 0666, as Debian's udev rule sets it)" : "";
            return $"/dev/fuse cannot be opened: {Libc.Describe(errno)}{hint}";
        }
        Libc.Close(fd);
        if (LibFuse.TryLoad() is { } reason) return reason;
        if (Libc.GetEuid() != 0 && FindOnPath("fusermount3") is null) return "not root and fusermount3 is not on PATH (install the fuse3 package)";
        return null;
    }

    private static void RunFusermount(string mountPoint, bool lazy)
    {
        string program = FindOnPath("fusermount3") ?? throw new FuseException("fusermount3 is not on PATH; cannot unmount " + mountPoint);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(lazy ? "-uz" : "-u");
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(mountPoint);
        using var process = Process.Start(start) ?? throw new FuseException("could not start fusermount3");
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(FusermountTimeout))
        {
            process.Kill();
            throw new FuseException($"fusermount3 -u {mountPoint} did not finish within {FusermountTimeout.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
            throw new FuseException($"fusermount3 -u {mountPoint} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, program))
            .FirstOrDefault(File.Exists);
}
