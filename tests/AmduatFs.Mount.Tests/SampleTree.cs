using System.Text;

namespace AmduatFs.Mount.Tests;

/// <summary>A generated source tree with the names, kinds and metadata tools must carry through the mount.</summary>
internal static class SampleTree
{
    public static void Create(string root, int seed = 1)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(root);
        string Dir(params string[] parts)
        {
            string path = Path.Combine([root, .. parts]);
            Directory.CreateDirectory(path);
            return path;
        }
        void FileOf(string path, int size)
        {
            byte[] bytes = new byte[size];
            random.NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
        }
        FileOf(Path.Combine(root, "plain.bin"), 100_000);
        FileOf(Path.Combine(root, "big.bin"), 3 * 1024 * 1024 + 17);
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        File.WriteAllText(Path.Combine(root, "with space.txt"), "spaces\n");
        File.WriteAllText(Path.Combine(root, "ünïcødé-名前.txt"), "utf-8\n");
        File.WriteAllText(Path.Combine(root, "new\nline"), "newline in name\n");
        File.WriteAllText(Path.Combine(root, new string('n', 255)), "long name\n");
        string nested = Dir("a", "b", "c");
        for (int i = 0; i < 40; i++) FileOf(Path.Combine(nested, $"f{i:D3}"), random.Next(0, 20_000));
        Dir("empty-dir");
        File.CreateSymbolicLink(Path.Combine(root, "link-to-plain"), "plain.bin");
        File.CreateSymbolicLink(Path.Combine(root, "a", "dangling"), "../does/not/exist");
        File.SetUnixFileMode(Path.Combine(root, "plain.bin"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(Path.Combine(root, "with space.txt"), (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(Path.Combine(root, "empty"), (UnixFileMode)Convert.ToInt32("444", 8));
        Shell.Run("setfattr", "-n", "user.note", "-v", "hello xattr", Path.Combine(root, "plain.bin")).Ok("setfattr");
        Shell.Run("setfattr", "-n", "user.dir", "-v", "0x00ff10", Path.Combine(root, "a")).Ok("setfattr");
        Shell.Run("chown", "-h", "1234:5678", Path.Combine(root, "with space.txt")).Ok("chown");
        // Nanosecond mtimes, set last (children first) so directory times survive their contents being made.
        var all = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).OrderByDescending(p => p.Length).ToList();
        foreach (var path in all)
            Shell.Run("touch", "-h", "-d", $"@{1_600_000_000 + random.Next(0, 10_000_000)}.{random.Next(0, 999_999_999):D9}", path).Ok("touch");
    }

    /// <summary>relative path → "type mode uid gid mtime [size] [link]" for every entry below <paramref name="root"/>.</summary>
    public static SortedDictionary<string, string> Metadata(string root)
    {
        string output = Shell.Run("find", root, "-mindepth", "1", "-printf", "%P\\0%y %m %U %G %T@ %l\\0").Ok("find").Stdout;
        var parts = output.Split('\0');
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < parts.Length; i += 2) result[parts[i]] = parts[i + 1];
        return result;
    }

    /// <summary>Every extended attribute below <paramref name="root"/>, one "path name=value" line each, sorted.</summary>
    public static string Xattrs(string root)
    {
        var lines = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            string dump = Shell.Run("getfattr", "-h", "-d", "-e", "hex", "-m", "-", "--absolute-names", path).Stdout;
            foreach (var line in dump.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
                lines.Add(Path.GetRelativePath(root, path) + " " + line);
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    public static void AssertSame(string expected, string actual, bool xattrs = true)
    {
        Shell.Run("diff", "-r", "--no-dereference", expected, actual).Ok($"diff -r {expected} {actual}");
        Assert.Equal(Metadata(expected), Metadata(actual));
        if (!xattrs) return;
        string expectedXattrs = Xattrs(expected);
        Assert.Contains("user.note", expectedXattrs);
        Assert.Equal(expectedXattrs, Xattrs(actual));
    }

    public static string Text(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));
}
