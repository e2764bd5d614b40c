using System.Collections.Concurrent;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Engine;

public sealed record VerifyProblem(string ObjectKind, string ObjectId, string Reason)
{
    public override string ToString() => $"{ObjectKind} {ObjectId}: {Reason}";
}

public sealed record VerifyProgress(string Phase, long Done, long Total);

public sealed class VerifyReport
{
    private readonly ConcurrentQueue<VerifyProblem> _problems = new();
    public IReadOnlyList<VerifyProblem> Problems => _problems.ToArray();

    /// <summary>Findings that are not damage, such as the torn final log record a crash leaves.</summary>
    public List<string> Warnings { get; } = new();
    public bool IsClean => _problems.IsEmpty;
    public long LogRecords { get; internal set; }
    public long Segments { get; internal set; }
    public long Blocks { get; internal set; }
    public long Chunks { get; internal set; }
    public long Artifacts { get; internal set; }
    public long BytesRead;

    internal void Add(string kind, string id, string reason) => _problems.Enqueue(new VerifyProblem(kind, id, reason));
    internal void Add(CorruptDataException e) => Add(e.ObjectKind, e.ObjectId, e.Artifact is null ? e.Reason : $"{e.Reason} (artifact {e.Artifact})");
}

/// <summary>
/// Checks a whole store without trusting any of it: the log chain, every checkpoint, every sealed
/// segment against its seal hash, every block's table against its name, and (with data) every chunk and
/// every artifact's reference. It names each damaged object and keeps going.
/// </summary>
public static class StoreVerifier
{
    public static VerifyReport Verify(string root, bool readData, IProgress<VerifyProgress>? progress = null)
    {
        var layout = new StoreLayout(root);
        if (!File.Exists(layout.ConfigPath)) throw new StoreNotFoundException(layout.Root);
        var report = new VerifyReport();
        try { StoreConfig.Load(layout.ConfigPath); }
        catch (CorruptDataException e) { report.Add(e); }

        var entries = ReplayLog(layout, report);
        VerifyCheckpoints(layout, report);
        var verifiedChunks = new ConcurrentDictionary<(Digest256 Block, uint Offset), bool>();
        using var blocks = new BlockCache(layout);
        VerifyArtifacts(entries, blocks, readData, verifiedChunks, report, progress);
        VerifyBlocks(layout, readData, verifiedChunks, report, progress);
        return report;
    }

    private static List<IndexEntry> ReplayLog(StoreLayout layout, VerifyReport report)
    {
        var state = new ReplayState();
        var entries = new List<IndexEntry>();
        try
        {
            var scan = LogReader.Scan(layout.LogPath, null, record =>
            {
                report.LogRecords++;
                LogPayload? payload;
                try { payload = LogPayloadCodec.Decode(record.Type, record.Payload.Span); }
                catch (FormatException e) { throw new CorruptDataException("log record", $"logseq {record.Logseq}", e.Message, offset: record.FileOffset); }
                if (payload is SegmentSeal seal)
                {
                    report.Segments++;
                    IReadOnlyList<IndexEntry> segment = [];
                    try { segment = ArtifactStore.LoadSegment(layout, seal.SegmentId, seal.SegmentHash); }
                    catch (CorruptDataException e) { report.Add(e); }
                    entries.AddRange(segment);
                    state.ApplySeal(record.Logseq, seal, segment);
                }
                else if (payload is null) state.ApplyUnknown(record.Logseq);
                else state.Apply(record.Logseq, payload);
            });
            if (scan.TornTail is { } torn)
                report.Warnings.Add($"log {layout.LogPath}: torn final record ({torn.BytesDropped} bytes after offset {torn.Offset}): {torn.Reason}; it was never acknowledged and a writable open drops it");
        }
        catch (CorruptDataException e)
        {
            report.Add(e);
        }
        return entries;
    }

    private static void VerifyCheckpoints(StoreLayout layout, VerifyReport report)
    {
        foreach (var (_, path) in layout.ListCheckpoints())
        {
            try { CheckpointCodec.Decode(File.ReadAllBytes(path), Path.GetFileName(path)); }
            catch (CorruptDataException e) { report.Add(e); }
        }
    }

    private static void VerifyArtifacts(List<IndexEntry> entries, BlockCache blocks, bool readData,
        ConcurrentDictionary<(Digest256, uint), bool> verifiedChunks, VerifyReport report, IProgress<VerifyProgress>? progress)
    {
        var live = entries.Where(e => !e.IsTombstone).ToList();
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(live, options, entry =>
        {
            try
            {
                if (readData) VerifyArtifactData(entry, blocks, verifiedChunks, report);
                else VerifyArtifactExtents(entry, blocks);
            }
            catch (CorruptDataException e) { report.Add(e); }
            catch (IOException e) { report.Add("artifact", entry.Reference.ToString(), e.Message); }
            long n = Interlocked.Increment(ref done);
            if (n % 1000 == 0) progress?.Report(new VerifyProgress("artifacts", n, live.Count));
        });
        report.Artifacts = live.Count;
    }

    private static void VerifyArtifactData(IndexEntry entry, BlockCache blocks,
        ConcurrentDictionary<(Digest256, uint), bool> verifiedChunks, VerifyReport report)
    {
        using var hasher = new ArtifactHasher(entry.TypeTag, entry.Length);
        byte[] chunk = [];
        foreach (var extent in entry.Extents)
        {
            if (chunk.Length != extent.Length) chunk = new byte[extent.Length];
            try { blocks.Get(extent.Block).ReadChunk(extent.Offset, extent.Length, extent.Chunk, chunk); }
            catch (FileNotFoundException) { throw new CorruptDataException("block", extent.Block.ToString(), "block file is missing", entry.Reference); }
            catch (CorruptDataException e) { throw new CorruptDataException(e.ObjectKind, e.ObjectId, e.Reason, entry.Reference, e.Offset); }
            verifiedChunks.TryAdd((extent.Block, extent.Offset), true);
            Interlocked.Add(ref report.BytesRead, extent.Length);
            hasher.Append(chunk);
        }
        var actual = hasher.Finish();
        if (actual != entry.Reference)
            throw new CorruptDataException("index entry", entry.Reference.ToString(), $"its extents hold an artifact whose reference is {actual}", entry.Reference);
    }

    private static void VerifyArtifactExtents(IndexEntry entry, BlockCache blocks)
    {
        foreach (var extent in entry.Extents)
        {
            BlockReader reader;
            try { reader = blocks.Get(extent.Block); }
            catch (FileNotFoundException) { throw new CorruptDataException("block", extent.Block.ToString(), "block file is missing", entry.Reference); }
            if (!reader.Chunks.Any(c => c.Offset == extent.Offset && c.Length == extent.Length && c.Hash == extent.Chunk))
                throw new CorruptDataException("index entry", entry.Reference.ToString(), $"extent at offset {extent.Offset} of block {extent.Block} is not a chunk of that block", entry.Reference);
        }
    }

    private static void VerifyBlocks(StoreLayout layout, bool readData, ConcurrentDictionary<(Digest256, uint), bool> verifiedChunks,
        VerifyReport report, IProgress<VerifyProgress>? progress)
    {
        var files = layout.ListBlockFiles().ToList();
        long done = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            try
            {
                using var reader = BlockReader.Open(file.Path, file.Id);
                byte[] buffer = [];
                foreach (var chunk in reader.Chunks)
                {
                    if (!readData || verifiedChunks.ContainsKey((file.Id, chunk.Offset))) continue;
                    if (buffer.Length != chunk.Length) buffer = new byte[chunk.Length];
                    try { reader.ReadChunk(chunk.Offset, chunk.Length, chunk.Hash, buffer); }
                    catch (CorruptDataException e) { report.Add(e); }
                    Interlocked.Add(ref report.BytesRead, chunk.Length);
                }
                lock (report) report.Chunks += reader.Chunks.Count;
            }
            catch (CorruptDataException e) { report.Add(e); }
            catch (IOException e) { report.Add("block", file.Id.ToString(), e.Message); }
            long n = Interlocked.Increment(ref done);
            if (n % 16 == 0) progress?.Report(new VerifyProgress("blocks", n, files.Count));
        });
        report.Blocks = files.Count;
    }
}
