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

    private static string EscapeForBash(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
