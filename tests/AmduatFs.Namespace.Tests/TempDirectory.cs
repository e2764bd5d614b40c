using System.Diagnostics;

namespace AmduatFs.Namespace.Tests;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amduatfs-ns-" + Guid.NewGuid().ToString("N"));

    // .NET's own recursive delete decodes names lossily and cannot remove non-UTF-8 names, and
    // restored read-only directories stop a non-root delete: chmod and rm handle both.
    public void Dispose()
    {
        Run("chmod", "-R", "u+rwx", Path);
        Run("rm", "-rf", Path);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
    }
}
