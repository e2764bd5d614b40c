using AmduatFs.Store.Files;
using AmduatFs.Core;
using AmduatFs.Store.Chunking;
using AmduatFs.Store.Engine;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;
using AmduatFs.Store.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store;

public enum StoreAccess
{
    ReadOnly,
    Writable,
}

/// <summary>
/// A store directory opened for reading or writing. Writes follow docs/design.md "Write order":
/// block bytes, then the segment, then the log record, each durable before the next; a put is
/// acknowledged only by <see cref="Commit"/>. One writer at a time (a lock file); any number of readers.
/// </summary>
public sealed partial class ArtifactStore : IDisposable
{
    private readonly ILogger _logger;
    private readonly ReplayState _state;
    private readonly GuardedState _guarded;
    private readonly BlockCache _blocks;
    private readonly FileStream? _writerLock;
    private readonly LogWriter? _log;
    private readonly PendingBatch? _batch;
    private readonly ArtifactIngest? _ingest;
    private readonly Dictionary<DomainId, Reference> _pendingStagingRoots = new();
    private readonly ReaderWriterLockSlim _commitGate = new();
    private ulong _checkpointLogseq;

    private ArtifactStore(StoreLayout layout, StoreConfig config, ReplayState state, ulong checkpointLogseq,
        FileStream? writerLock, LogWriter? log, ILogger logger)
    {
        Layout = layout;
        Config = config;
        _state = state;
        _guarded = new GuardedState(state);
        _checkpointLogseq = checkpointLogseq;
        _writerLock = writerLock;
        _log = log;
        _logger = logger;
        _blocks = new BlockCache(layout);
        if (log is not null)
        {
            _batch = new PendingBatch(layout, config.BlockTargetSize);
            _ingest = new ArtifactIngest(_batch, new FastCdc2020(config.Chunker), config.Chunker);
        }
    }

    public StoreLayout Layout { get; }
    public StoreConfig Config { get; }
    public bool IsWritable => _log is not null;

    /// <summary>Log records between automatic checkpoints.</summary>
    public int CheckpointInterval { get; init; } = 1024;

    public IndexState Current => _guarded.Read(s => s.Current);
    internal ReplayState State => _state;

    public DomainId GetDomain(string name) =>
        _guarded.Read(s => s.TryFindDomain(name, out var id) ? id : (DomainId?)null) ?? throw new DomainNotFoundException(name);

    public IReadOnlyList<(DomainId Id, string Name)> Domains() => _guarded.Read(s => s.Domains(s.LastLogseq));

    public string DomainName(DomainId id) =>
        Domains().FirstOrDefault(d => d.Id == id).Name ?? throw new DomainNotFoundException(id.ToString());

    /// <summary>What <paramref name="domain"/> sees at <paramref name="position"/> (default: CURRENT).</summary>
    public IArtifactSource View(DomainId domain, ulong? position = null) =>
        new StoreView(_guarded, _blocks, domain, DomainName(domain), position ?? _guarded.Read(s => s.LastLogseq));

    public IArtifactSink Sink(DomainId domain)
    {
        RequireWritable();
        DomainName(domain);
        return new DomainSink(this, domain);
    }

    public IReadOnlyList<SnapshotInfo> Snapshots(DomainId domain) => _guarded.Read(s => s.Snapshots(domain, s.LastLogseq));

    public SnapshotInfo? FindSnapshot(DomainId domain, string name) => _guarded.Read(s => s.FindSnapshot(domain, name, s.LastLogseq));

    /// <summary>The staging root as this writer will commit it (pending change first), or null for an empty staging tree.</summary>
    public Reference? StagingRoot(DomainId domain)
    {
        lock (_pendingStagingRoots)
            if (_pendingStagingRoots.TryGetValue(domain, out var pending)) return pending;
        return _guarded.Read(s => s.StagingRoot(domain, s.LastLogseq));
    }

    public IReadOnlyList<TombstoneInfo> Tombstones(DomainId domain) => _guarded.Read(s => s.Tombstones(domain, s.LastLogseq));

    internal Reference Put(DomainId domain, ReadOnlySpan<byte> bytes, uint? typeTag)
    {
        RequireWritable();
        _commitGate.EnterReadLock();
        try
        {
            var artifact = _ingest!.Put(domain, bytes, typeTag, _state);
            Remember(artifact);
            return artifact.Reference;
        }
        finally { _commitGate.ExitReadLock(); }
    }

    internal Reference PutFile(DomainId domain, SafeFileHandle file, long length)
    {
        RequireWritable();
        _commitGate.EnterReadLock();
        try
        {
            var artifact = _ingest!.PutFile(domain, file, length, _state);
            Remember(artifact);
            return artifact.Reference;
        }
        finally { _commitGate.ExitReadLock(); }
    }

    private void Remember(PendingArtifact artifact)
    {
        if (_state.Lookup(artifact.Domain, artifact.Reference, _state.LastLogseq) is null)
            _batch!.AddArtifact(artifact);
    }

    /// <summary>Records a new staging root for the domain; it becomes durable with the next commit.</summary>
    public void SetStagingRoot(DomainId domain, Reference root)
    {
        RequireWritable();
        lock (_pendingStagingRoots) _pendingStagingRoots[domain] = root;
    }

    /// <summary>
    /// Makes everything put so far durable and visible: names the blocks, writes one segment, and appends
    /// its seal together with any pending staging roots in one log write and one fsync.
    /// </summary>
    public void Commit() => CommitWith([]);

    private IReadOnlyList<LogRecord> CommitWith(IReadOnlyList<LogPayload> extra)
    {
        RequireWritable();
        _commitGate.EnterWriteLock();
        try
        {
            var payloads = new List<LogPayload>();
            List<IndexEntry>? entries = null;
            if (!_batch!.IsEmpty)
            {
                entries = _batch.SealBlocks();
                entries.Sort(IndexKeyComparer.Instance);
                payloads.Add(WriteSegment(_state.NextSegmentId, entries));
            }
            lock (_pendingStagingRoots)
            {
                foreach (var (domain, root) in _pendingStagingRoots.OrderBy(p => p.Key.Value))
                    if (_state.StagingRoot(domain, _state.LastLogseq) != root) payloads.Add(new StagingRoot(domain, root));
            }
            payloads.AddRange(extra);
            if (payloads.Count == 0) return [];
            var records = _log!.Append(payloads);
            _guarded.Write(state =>
            {
                for (int i = 0; i < records.Count; i++)
                {
                    if (payloads[i] is SegmentSeal seal) state.ApplySeal(records[i].Logseq, seal, entries!);
                    else state.Apply(records[i].Logseq, payloads[i]);
                }
            });
            _batch.Clear();
            lock (_pendingStagingRoots) _pendingStagingRoots.Clear();
            if (_state.LastLogseq - _checkpointLogseq >= (ulong)CheckpointInterval) WriteCheckpoint();
            return records;
        }
        catch
        {
            // A failed commit acknowledged nothing; its files are unreferenced and will be collected.
            _batch!.Clear();
            throw;
        }
        finally { _commitGate.ExitWriteLock(); }
    }

    private SegmentSeal WriteSegment(ulong segmentId, List<IndexEntry> entries)
    {
        byte[] bytes = Segments.SegmentEncoder.Encode(segmentId, entries);
        string temp = Layout.NewTempPath("segment");
        DurableFile.WriteAllBytes(temp, bytes);
        DurableFile.RenameIntoPlace(temp, Layout.SegmentPath(segmentId));
        return new SegmentSeal(segmentId, Digest256.Of(bytes));
    }

    /// <summary>
    /// Anchors snapshot <paramref name="name"/> of <paramref name="domain"/> with root tree <paramref name="root"/>,
    /// committing any pending puts and staging root in the same log write.
    /// </summary>
    /// <exception cref="ArgumentException">the name is taken or invalid.</exception>
    public SnapshotInfo CreateSnapshot(DomainId domain, string name, Reference root, DateTimeOffset? now = null)
    {
        RequireWritable();
        StoreNames.Validate(name, "snapshot name");
        if (FindSnapshot(domain, name) is not null)
            throw new ArgumentException($"snapshot '{name}' already exists in domain '{DomainName(domain)}'");
        long nanos = ((now ?? DateTimeOffset.UtcNow) - DateTimeOffset.UnixEpoch).Ticks * 100;
        CommitWith([new SnapshotAnchor(domain, _state.NextSnapshotId, name, root, nanos)]);
        return FindSnapshot(domain, name)!;
    }

    public DomainId CreateDomain(string name)
    {
        RequireWritable();
        StoreNames.Validate(name, "domain name");
        if (_guarded.Read(s => s.TryFindDomain(name, out _))) throw new ArgumentException($"domain '{name}' already exists");
        var id = new DomainId(_state.NextDomainId);
        CommitWith([new DomainCreate(id, name)]);
        return id;
    }

    /// <summary>Hides a visible artifact; returns the tombstone's logseq (what <see cref="Lift"/> takes).</summary>
    public ulong Tombstone(DomainId domain, Reference reference)
    {
        RequireWritable();
        if (_guarded.Read(s => s.Lookup(domain, reference, s.LastLogseq)) is null)
            throw new ArtifactNotFoundException(reference, DomainName(domain));
        return CommitWith([new Tombstone(domain, reference)])[^1].Logseq;
    }

    public ulong Lift(ulong tombstoneLogseq)
    {
        RequireWritable();
        string? reason = _guarded.Read(s => s.CanLift(tombstoneLogseq, out string why) ? null : why);
        if (reason is not null) throw new ArgumentException(reason);
        var tombstone = _guarded.Read(s => s.FindTombstone(tombstoneLogseq))!;
        return CommitWith([new TombstoneLift(tombstoneLogseq, tombstone.Domain, tombstone.Reference)])[^1].Logseq;
    }

    private void RequireWritable()
    {
        if (_log is null) throw new InvalidOperationException("the store was opened read-only");
    }

    public void Dispose()
    {
        try
        {
            if (_log is not null && (!_batch!.IsEmpty || _pendingStagingRoots.Count > 0))
                _logger.LogWarning("closing a store with uncommitted puts: they are discarded");
        }
        finally
        {
            _batch?.Dispose();
            _log?.Dispose();
            _blocks.Dispose();
            _writerLock?.Dispose();
            _commitGate.Dispose();
            _guarded.Dispose();
        }
    }
}

public sealed class DomainNotFoundException(string domain) : Exception($"domain '{domain}' does not exist");
