using AmduatFs.Store.Files;
using AmduatFs.Core;
using AmduatFs.Store.Engine;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;
using AmduatFs.Store.Segments;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Store;

public sealed partial class ArtifactStore
{
    /// <summary>Creates a store in an empty or missing directory; its first log record creates domain <c>local</c>.</summary>
    /// <exception cref="IOException">the directory holds a store or other files already.</exception>
    public static ArtifactStore Init(string root, StoreConfig config, ILoggerFactory loggers)
    {
        var layout = new StoreLayout(root);
        config.Validate("new store");
        if (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any())
            throw new IOException(File.Exists(layout.ConfigPath)
                ? $"{layout.Root} already holds a store"
                : $"{layout.Root} is not empty; a new store needs an empty or missing directory");
        Directory.CreateDirectory(layout.Root);
        foreach (var directory in layout.Directories) Directory.CreateDirectory(directory);
        using (LogWriter.Open(layout.LogPath, LogPosition.Empty)) { }
        string temp = layout.NewTempPath("config");
        DurableFile.WriteAllBytes(temp, System.Text.Encoding.UTF8.GetBytes(config.ToJson()));
        DurableFile.RenameIntoPlace(temp, layout.ConfigPath);
        var store = Open(root, StoreAccess.Writable, loggers);
        store.CommitWith([new DomainCreate(DomainId.Local, DomainId.LocalName)]);
        return store;
    }

    /// <summary>
    /// Opens a store: the newest valid checkpoint, then the log after it. A torn final log record is
    /// dropped with a warning (and truncated away when writable).
    /// </summary>
    /// <exception cref="StoreNotFoundException">no store at <paramref name="root"/>.</exception>
    /// <exception cref="CorruptDataException">the log is damaged before its tail, or a sealed segment is missing or damaged.</exception>
    /// <exception cref="StoreBusyException">writable open while another process writes.</exception>
    public static ArtifactStore Open(string root, StoreAccess access, ILoggerFactory loggers)
    {
        var layout = new StoreLayout(root);
        var logger = loggers.CreateLogger<ArtifactStore>();
        if (!File.Exists(layout.ConfigPath)) throw new StoreNotFoundException(layout.Root);
        var config = StoreConfig.Load(layout.ConfigPath);
        FileStream? writerLock = access == StoreAccess.Writable ? TakeWriterLock(layout) : null;
        try
        {
            var (state, resume, checkpointLogseq) = StartFromCheckpoint(layout, logger);
            var scan = LogReader.Scan(layout.LogPath, resume, record => Replay(layout, state, record));
            if (scan.TornTail is { } torn)
                logger.LogWarning("log {Path}: dropped a torn final record ({Bytes} bytes at offset {Offset}): {Reason}",
                    layout.LogPath, torn.BytesDropped, torn.Offset, torn.Reason);
            LogWriter? log = access == StoreAccess.Writable ? LogWriter.Open(layout.LogPath, scan.End) : null;
            return new ArtifactStore(layout, config, state, checkpointLogseq, writerLock, log, logger);
        }
        catch
        {
            writerLock?.Dispose();
            throw;
        }
    }

    private static FileStream TakeWriterLock(StoreLayout layout)
    {
        try
        {
            // .NET maps FileShare.None to an exclusive flock on Unix; it is released if the process dies.
            return new FileStream(layout.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StoreBusyException(layout.Root, e);
        }
    }

    private static (ReplayState State, LogPosition? Resume, ulong CheckpointLogseq) StartFromCheckpoint(StoreLayout layout, ILogger logger)
    {
        foreach (var (logseq, path) in layout.ListCheckpoints())
        {
            try
            {
                var checkpoint = CheckpointCodec.Decode(File.ReadAllBytes(path), Path.GetFileName(path));
                var state = ReplayState.FromCheckpoint(checkpoint, segment => LoadSegment(layout, segment.SegmentId, segment.Hash));
                return (state, new LogPosition((long)checkpoint.LogByteOffset, checkpoint.LastLogseq, checkpoint.LastRecordHash), logseq);
            }
            catch (Exception e) when (e is CorruptDataException or IOException)
            {
                logger.LogWarning("checkpoint {Path} is unusable, trying an older one: {Reason}", path, e.Message);
            }
        }
        return (new ReplayState(), null, 0);
    }

    private static void Replay(StoreLayout layout, ReplayState state, LogRecord record)
    {
        LogPayload? payload;
        try
        {
            payload = LogPayloadCodec.Decode(record.Type, record.Payload.Span);
        }
        catch (FormatException e)
        {
            throw new CorruptDataException("log record", $"logseq {record.Logseq}", e.Message, offset: record.FileOffset);
        }
        switch (payload)
        {
            case null:
                state.ApplyUnknown(record.Logseq);
                break;
            case SegmentSeal seal:
                state.ApplySeal(record.Logseq, seal, LoadSegment(layout, seal.SegmentId, seal.SegmentHash));
                break;
            default:
                state.Apply(record.Logseq, payload);
                break;
        }
    }

    /// <summary>Reads a sealed segment, checking its bytes against the hash its seal recorded.</summary>
    internal static IReadOnlyList<IndexEntry> LoadSegment(StoreLayout layout, ulong segmentId, Digest256 sealedHash)
    {
        string path = layout.SegmentPath(segmentId);
        string name = StoreLayout.SegmentName(segmentId);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new CorruptDataException("segment", name, "the file is missing but the log seals it");
        }
        var actual = Digest256.Of(bytes);
        if (actual != sealedHash)
            throw new CorruptDataException("segment", name, $"SHA-256 of its bytes is {actual}, the seal recorded {sealedHash}");
        var segment = SegmentDecoder.Decode(bytes, name);
        if (segment.Id != segmentId)
            throw new CorruptDataException("segment", name, $"its header names segment {segment.Id}");
        return segment.Entries;
    }

    /// <summary>Writes CURRENT's checkpoint (temp file, fsync, rename, directory fsync) and keeps the previous one.</summary>
    public void WriteCheckpoint()
    {
        RequireWritable();
        var checkpoint = _state.CaptureCheckpoint((ulong)_log!.End.Offset, _log.End.Hash);
        string temp = Layout.NewTempPath("checkpoint");
        DurableFile.WriteAllBytes(temp, CheckpointCodec.Encode(checkpoint));
        DurableFile.RenameIntoPlace(temp, Layout.CheckpointPath(_state.LastLogseq));
        _checkpointLogseq = _state.LastLogseq;
        foreach (var (_, old) in Layout.ListCheckpoints().Skip(2)) File.Delete(old);
    }
}

public sealed class StoreNotFoundException(string root)
    : Exception($"no store at {root} (create one with 'amduatfs init')");

public sealed class StoreBusyException(string root, Exception inner)
    : Exception($"store {root} is open for writing by another process (if it is mounted, write through the mount or unmount it first)", inner);
