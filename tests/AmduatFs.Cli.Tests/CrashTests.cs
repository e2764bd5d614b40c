using System.Diagnostics;

namespace AmduatFs.Cli.Tests;

/// <summary>SIGKILLs a loop of `put` commands at random moments; every acknowledged ref must survive, verify must stay clean.</summary>
public sealed class CrashTests
{
    [Fact]
    public void Killing_puts_at_random_moments_never_loses_acknowledged_data_or_damages_the_store()
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        var random = new Random(20240601);
        var sources = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            var bytes = new byte[random.Next(1 << 20, 8 << 20)];
            random.NextBytes(bytes);
            string path = dir.Sub($"f{i}");
            File.WriteAllBytes(path, bytes);
            sources.Add(path);
        }
        string ack = dir.Sub("ack");
        var acknowledged = new Dictionary<string, string>(); // ref -> source file
        var clock = Stopwatch.StartNew();
        int iterations = 0;
        for (; iterations < 22; iterations++)
        {
            File.WriteAllText(ack, "");
            int offset = random.Next(sources.Count);
            string script = $"for i in $(seq 0 40); do f={EscapeForBash(dir.Path)}/f$(( (i + {offset}) % {sources.Count} )); " +
                            $"r=$(dotnet {EscapeForBash(CliRunner.CliDll)} --store {EscapeForBash(store)} put \"$f\") || exit 1; " +
                            $"printf '%s %s\\n' \"$r\" \"$f\" >> {EscapeForBash(ack)}; done";
            var info = new ProcessStartInfo("bash") { UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(script);
            using (var process = Process.Start(info)!)
            {
                bool exited = process.WaitForExit(random.Next(100, 1500));
                if (!exited) process.Kill(entireProcessTree: true);
                process.WaitForExit();
                if (exited) Assert.True(process.ExitCode == 0, "put loop failed before the kill");
            }
            // Only complete lines (newline-terminated) are acknowledged.
            string text = File.ReadAllText(ack);
            foreach (var line in text.Split('\n')[..^1])
            {
                var parts = line.Split(' ', 2);
                Assert.Equal(68, parts[0].Length);
                acknowledged[parts[0]] = parts[1];
            }

            var verify = CliRunner.Run(store, "verify", "--read-data");
            Assert.True(verify.ExitCode == 0, $"iteration {iterations}: verify exited {verify.ExitCode}: {verify.Text} {verify.Stderr}");
            foreach (var (reference, source) in acknowledged)
                Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(CliRunner.Run(store, "get", reference).Ok().Stdout),
                    $"iteration {iterations}: acknowledged {reference} ({source}) did not read back identically");
            if (clock.Elapsed > TimeSpan.FromSeconds(50) && iterations >= 20) { iterations++; break; }
        }
        Assert.True(iterations >= 20);
        Assert.NotEmpty(acknowledged);

        // A writable open after the crashes must work and its data must read back.
        var extra = new byte[12345];
        random.NextBytes(extra);
        string last = CliRunner.Run(store, extra, "put", "-").Ok().Text.Trim();
        Assert.Equal(extra, CliRunner.Run(store, "get", last).Ok().Stdout);
        Assert.Equal(0, CliRunner.Run(store, "verify", "--read-data").ExitCode);
    }

    [Fact]
    public void Killing_imports_at_random_moments_keeps_every_acknowledged_import_whole()
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        var random = new Random(20261122);
        string source = dir.Sub("tree");
        for (int d = 0; d < 4; d++)
        {
            Directory.CreateDirectory(Path.Combine(source, $"d{d}"));
            for (int f = 0; f < 60; f++)
            {
                var bytes = new byte[random.Next(0, d == 3 && f < 2 ? 3 << 20 : 20_000)];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(source, $"d{d}", $"f{f}"), bytes);
            }
        }
        string ack = dir.Sub("ack");
        var acknowledged = new List<string>();
        for (int iteration = 0; iteration < 8; iteration++)
        {
            File.WriteAllText(ack, "");
            string script = $"for i in $(seq 0 20); do t=copy-{iteration}-$i; " +
                            $"dotnet {EscapeForBash(CliRunner.CliDll)} --store {EscapeForBash(store)} import --to /$t {EscapeForBash(source)} >/dev/null || exit 1; " +
                            $"echo $t >> {EscapeForBash(ack)}; done";
            var info = new ProcessStartInfo("bash") { UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(script);
            using (var process = Process.Start(info)!)
            {
                bool exited = process.WaitForExit(random.Next(300, 2500));
                if (!exited) process.Kill(entireProcessTree: true);
                process.WaitForExit();
                if (exited) Assert.True(process.ExitCode == 0, "import loop failed before the kill");
            }
            acknowledged.AddRange(File.ReadAllText(ack).Split('\n')[..^1]);

            var verify = CliRunner.Run(store, "verify", "--read-data");
            Assert.True(verify.ExitCode == 0, $"iteration {iteration}: verify exited {verify.ExitCode}: {verify.Text} {verify.Stderr}");
            if (acknowledged.Count == 0) continue;
            string staged = CliRunner.Run(store, "ls", "staging").Ok().Text;
            foreach (var copy in acknowledged) Assert.Contains(copy, staged);
            string restored = dir.Sub($"restored-{iteration}");
            CliRunner.Run(store, "restore", $"staging/{acknowledged[^1]}", restored).Ok();
            var diff = Process.Start(new ProcessStartInfo("diff", ["-r", source, restored]) { UseShellExecute = false })!;
            diff.WaitForExit();
            Assert.True(diff.ExitCode == 0, $"iteration {iteration}: {acknowledged[^1]} does not restore identically");
        }
        Assert.NotEmpty(acknowledged);
    }

    private static string EscapeForBash(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
