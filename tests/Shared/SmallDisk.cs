using System.Diagnostics;

namespace AmduatFs.TestSupport;

/// <summary>
/// A tmpfs of a few MiB mounted on a temporary directory: a real disk that fills up. Needs root
/// (CAP_SYS_ADMIN); <see cref="SmallDiskFactAttribute"/> skips, with the reason, where it cannot be made.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(int megabytes)
    {
        Directory.CreateDirectory(Path);
        string? error = Mount(Path, megabytes);
        if (error is not null) throw new InvalidOperationException($"cannot mount a {megabytes} MiB tmpfs on {Path}: {error}");
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amduatfs-smalldisk-" + Guid.NewGuid().ToString("N")[..10]);

    internal static string? Mount(string path, int megabytes)
    {
        var start = new ProcessStartInfo("mount") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path }) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : stderr.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }

    internal static void Unmount(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("umount") { ArgumentList = { "-l", path }, UseShellExecute = false })!;
        process.WaitForExit();
    }

    public void Dispose()
    {
        Unmount(Path);
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}

/// <summary>A test that needs <see cref="SmallDisk"/>; reported as skipped, with the reason, where tmpfs cannot be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    /// <summary>Why a small tmpfs cannot be mounted here, or null.</summary>
    public static readonly string? Unavailable = Probe();

    public SmallDiskFactAttribute()
    {
        if (Unavailable is not null) Skip = $"SKIPPED: cannot mount a small tmpfs here ({Unavailable}); full-disk tests did not run";
    }

    private static string? Probe()
    {
        string probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amduatfs-smalldisk-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(probe);
        string? error = SmallDisk.Mount(probe, 1);
        if (error is null) SmallDisk.Unmount(probe);
        Directory.Delete(probe);
        if (error is not null) Console.Error.WriteLine($"*** AmduatFs full-disk tests SKIPPED: {error} ***");
        return error;
    }
}
