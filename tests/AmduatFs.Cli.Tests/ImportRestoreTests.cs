using System.Diagnostics;
using System.Text;

namespace AmduatFs.Cli.Tests;

/// <summary>import → snapshot → restore of a tree with awkward names, links, modes and nanosecond mtimes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportRestoreTests
{
    private static (int Code, string Out) Sh(params string[] args)
    {
        var info = new ProcessStartInfo(args[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args[1..]) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.GetAwaiter().GetResult());
    }

    private static void Ok(params string[] args)
    {
        var (code, output) = Sh(args);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {output}");
    }

    /// <summary>relative path → "type mode mtime(ns) [link target]" from lstat, via GNU find.</summary>
    private static SortedDictionary<string, string> Metadata(string root)
    {
        var (code, output) = Sh("find", root, "-mindepth", "1", "-printf", "%P\\0%y %m %T@ %l\\0");
        Assert.Equal(0, code);
        var parts = output.Split('\0');
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < parts.Length; i += 2) result[parts[i]] = parts[i + 1];
        return result;
    }

    [Fact]
    public void Restore_reproduces_names_contents_links_modes_and_mtimes()
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        string src = dir.Sub("src");
        CliRunner.Run(store, "init").Ok();
        Directory.CreateDirectory(Path.Combine(src, "nested", "deeper", "deepest"));
        Directory.CreateDirectory(Path.Combine(src, "with space dir"));
        File.WriteAllText(Path.Combine(src, "with space.txt"), "spaces");
        File.WriteAllText(Path.Combine(src, "naïve ü"), "utf-8 name");
        File.WriteAllText(Path.Combine(src, "new\nline"), "newline in name");
        string longName = new string('n', 255);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(longName));
        File.WriteAllText(Path.Combine(src, "nested", longName), "long name");
        File.WriteAllBytes(Path.Combine(src, "empty"), []);
        var big = new byte[300_000];
        new Random(1).NextBytes(big);
        File.WriteAllBytes(Path.Combine(src, "nested", "deeper", "deepest", "big.bin"), big);
        File.WriteAllText(Path.Combine(src, "private"), "secret");
        File.WriteAllText(Path.Combine(src, "script.sh"), "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(Path.Combine(src, "private"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(src, "script.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.CreateSymbolicLink(Path.Combine(src, "link"), "nested/deeper/deepest/big.bin");
        File.CreateSymbolicLink(Path.Combine(src, "dangling"), "does/not/exist");

        // Distinct nanosecond mtimes on everything, children before parents, links without dereferencing.
        var entries = Metadata(src).Keys.OrderByDescending(k => k.Count(c => c == '/')).ToList();
        int n = 0;
        foreach (var rel in entries)
        {
            Ok("touch", "-h", "-d", $"@{1700000000 + n * 1000}.{123456789 + n * 7:D9}", Path.Combine(src, rel));
            n++;
        }

        var before = Metadata(src);
        Assert.Contains("l 777", before["dangling"]);

        CliRunner.Run(store, "import", src).Ok();
        CliRunner.Run(store, "snapshot", "create", "snap").Ok();
        string dest = dir.Sub("restored");
        CliRunner.Run(store, "restore", "snap/src", dest).Ok();

        var (diffCode, diffOut) = Sh("/usr/bin/diff", "-r", "--no-dereference", src, dest);
        Assert.True(diffCode == 0, $"diff -r: {diffOut}");

        var after = Metadata(dest);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (rel, meta) in before)
            Assert.True(meta == after[rel], $"{rel}: source '{meta}' restored '{after[rel]}'");
    }
}
