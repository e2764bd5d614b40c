using System.Diagnostics;

namespace AmduatFs.Cli.Tests;

/// <summary>Runs the real `amduatfs` program (the built AmduatFs.Cli next to the tests) in a child process.</summary>
internal static class CliRunner
{
    public static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "amduatfs.dll");

    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Stdout);
        public Result Ok()
        {
            Assert.True(ExitCode == 0, $"amduatfs exited {ExitCode}: {Stderr}");
            return this;
        }
    }

    public static ProcessStartInfo StartInfo(string store, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        info.ArgumentList.Add("--store");
        info.ArgumentList.Add(store);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    public static Result Run(string store, byte[]? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(store, args))!;
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException($"amduatfs {string.Join(' ', args)} did not finish"); }
        copyOut.Wait();
        return new Result(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    public static Result Run(string store, params string[] args) => Run(store, null, args);
}

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amduatfs-test-" + Guid.NewGuid().ToString("N")[..12]);
    public string Sub(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
}
