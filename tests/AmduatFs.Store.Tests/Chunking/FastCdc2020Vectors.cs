using System.Globalization;

namespace AmduatFs.Store.Tests.Chunking;

/// <summary>The published FastCDC-2020 vectors from shared/testdata, found beside the repository.</summary>
internal static class FastCdc2020Vectors
{
    public const int Min = 4096, Avg = 16384, Max = 65535;

    public sealed record Chunk(long Offset, int Length, string Sha256, ulong Fingerprint);

    private static readonly Lazy<string> Folder = new(FindFolder);

    public static byte[] Input() => File.ReadAllBytes(Path.Combine(Folder.Value, "SekienAkashita.jpg"));

    /// <summary>The expected chunks per seed, in file order.</summary>
    public static IReadOnlyDictionary<ulong, List<Chunk>> Expected()
    {
        var bySeed = new Dictionary<ulong, List<Chunk>>();
        List<Chunk>? current = null;
        foreach (string raw in File.ReadLines(Path.Combine(Folder.Value, "fastcdc2020_test_vectors.txt")))
        {
            string line = raw.Trim();
            if (line.StartsWith("# Seed:", StringComparison.Ordinal))
            {
                current = [];
                bySeed.Add(ulong.Parse(line["# Seed:".Length..], CultureInfo.InvariantCulture), current);
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#'))
                continue;

            string[] fields = line.Split('\t');
            if (current is null || fields.Length != 4)
                throw new FormatException($"unexpected vector line: {line}");
            current.Add(new Chunk(
                long.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                fields[2],
                ulong.Parse(fields[3], CultureInfo.InvariantCulture)));
        }
        return bySeed;
    }

    /// <summary>Walks up from the test binaries to the directory that has `shared/` beside the repository.</summary>
    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "testdata", "fastcdc2020");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/testdata/fastcdc2020 not found in any parent of {AppContext.BaseDirectory}");
    }
}
