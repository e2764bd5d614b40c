using System.Diagnostics;

namespace AmduatFs.Mount.Tests;

/// <summary>Runs ordinary tools (cp, rsync, diff, git, tar ...) the way a user would.</summary>
internal static class Shell
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public Result Ok(string what)
        {
            Assert.True(ExitCode == 0, $"{what} exited {ExitCode}: {Stderr}{Stdout}");
            return this;
        }
    }

    public static Result Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) { process.Kill(true); throw new TimeoutException($"{program} {string.Join(' ', args)}"); }
        return new Result(process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>A bash script; fails the test when it exits non-zero.</summary>
    public static string Bash(string script) => Run("bash", "-euo", "pipefail", "-c", script).Ok(script).Stdout;
}
