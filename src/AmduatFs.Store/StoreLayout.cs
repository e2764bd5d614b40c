using System.Globalization;

namespace AmduatFs.Store;

/// <summary>
/// Owns every path inside a store directory (docs/format.md, "Store layout"). Nothing else
/// composes store paths.
/// </summary>
public sealed class StoreLayout(string root)
{
    private const string BlockSuffix = ".blk";
    private const string SegmentSuffix = ".seg";
    private const string CheckpointSuffix = ".ckpt";

    public string Root { get; } = Path.GetFullPath(root);
    public string ConfigPath => Path.Combine(Root, "config.json");
    public string LockPath => Path.Combine(Root, "lock");
    public string LogDirectory => Path.Combine(Root, "log");
    public string LogPath => Path.Combine(LogDirectory, "asl.log");
    public string BlocksDirectory => Path.Combine(Root, "blocks");
    public string SegmentsDirectory => Path.Combine(Root, "segments");
    public string CheckpointsDirectory => Path.Combine(Root, "checkpoints");
    public string TempDirectory => Path.Combine(Root, "tmp");

    public IEnumerable<string> Directories => [LogDirectory, BlocksDirectory, SegmentsDirectory, CheckpointsDirectory, TempDirectory];

    public string BlockDirectory(Digest256 block) => Path.Combine(BlocksDirectory, block.ToString()[..2]);
    public string BlockPath(Digest256 block) => Path.Combine(BlockDirectory(block), block + BlockSuffix);
    public string SegmentPath(ulong segmentId) => Path.Combine(SegmentsDirectory, SegmentName(segmentId));
    public static string SegmentName(ulong segmentId) => segmentId.ToString("x16", CultureInfo.InvariantCulture) + SegmentSuffix;
    public string CheckpointPath(ulong logseq) => Path.Combine(CheckpointsDirectory, logseq.ToString("D20", CultureInfo.InvariantCulture) + CheckpointSuffix);

    public string NewTempPath(string purpose) => Path.Combine(TempDirectory, $"{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    /// <summary>Checkpoints present on disk, newest first, by the logseq in their names.</summary>
    public IReadOnlyList<(ulong Logseq, string Path)> ListCheckpoints()
    {
        if (!Directory.Exists(CheckpointsDirectory)) return [];
        var found = new List<(ulong, string)>();
        foreach (var path in Directory.EnumerateFiles(CheckpointsDirectory, "*" + CheckpointSuffix))
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(path);
            if (stem.Length == 20 && ulong.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out ulong logseq))
                found.Add((logseq, path));
        }
        found.Sort((a, b) => b.Item1.CompareTo(a.Item1));
        return found;
    }

    /// <summary>Every block file on disk, with the id its name claims (files with other names are ignored).</summary>
    public IEnumerable<(Digest256 Id, string Path)> ListBlockFiles()
    {
        if (!Directory.Exists(BlocksDirectory)) yield break;
        foreach (var path in Directory.EnumerateFiles(BlocksDirectory, "*" + BlockSuffix, SearchOption.AllDirectories))
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(path);
            if (stem.Length == 64 && stem.All(char.IsAsciiHexDigitLower))
                yield return (Digest256.Parse(stem), path);
        }
    }
}
