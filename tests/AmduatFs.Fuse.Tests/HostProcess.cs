using System.Diagnostics;

namespace AmduatFs.Fuse.Tests;

/// <summary>This test assembly run as a FUSE host in a child process (see <see cref="Program"/>).</summary>
internal sealed class HostProcess : IDisposable
{
    private HostProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Starts a host on <paramref name="mountPoint"/> and waits until it reports that it is mounted.</summary>
    public static HostProcess Start(string mountPoint, params string[] extraArguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", typeof(Program).Assembly.Location, "host", mountPoint }.Concat(extraArguments))
            start.ArgumentList.Add(argument);
        var host = new HostProcess(Process.Start(start)!);
        host.Process.ErrorDataReceived += (_, _) => { };
        host.Process.BeginErrorReadLine();
        var line = host.Process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result?.StartsWith("MOUNTED", StringComparison.Ordinal) != true)
        {
            host.Dispose();
            throw new InvalidOperationException($"the host did not mount {mountPoint} (first line: {(line.IsCompleted ? line.Result : "none")})");
        }
        return host;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }
        Process.Dispose();
    }
}
