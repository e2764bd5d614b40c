using AmduatFs.Store.Files;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;
using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Engine;

/// <summary>
/// Everything stored since the last commit: block files being filled (not yet named), the chunks in
/// them (so a chunk is written once even within a batch) and the artifacts that use them.
/// Thread-safe; a commit takes it over whole.
/// </summary>
internal sealed class PendingBatch(StoreLayout layout, int blockTargetSize) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Digest256, ChunkLocation> _chunks = new();
    private readonly Dictionary<(DomainId, Reference), PendingArtifact> _artifacts = new();
    private readonly List<(string TempPath, Task<Digest256> Finished)> _blocks = new();
    private BlockWriter? _open;
    private string? _openPath;
    private long _bytesWritten;

    public bool IsEmpty { get { lock (_gate) return _artifacts.Count == 0; } }
    public long BytesWritten { get { lock (_gate) return _bytesWritten; } }
    public int ArtifactCount { get { lock (_gate) return _artifacts.Count; } }

    public bool Contains(DomainId domain, Reference reference)
    {
        lock (_gate) return _artifacts.ContainsKey((domain, reference));
    }

    /// <summary>Returns where the chunk lives, writing it to the open block only if no sealed or pending copy exists.</summary>
    public ChunkLocation StoreChunk(Digest256 hash, ReadOnlySpan<byte> data, ReplayState sealedState)
    {
        if (sealedState.TryFindChunk(hash, out var sealedExtent)) return ChunkLocation.Sealed(sealedExtent);
        lock (_gate)
        {
            if (_chunks.TryGetValue(hash, out var pending)) return pending;
            if (_open is not null && _open.Length + data.Length > blockTargetSize && _open.ChunkCount > 0) RotateBlock();
            if (_open is null)
            {
                _openPath = layout.NewTempPath("block");
                _open = new BlockWriter(_openPath);
            }
            uint offset = _open.Append(hash, data);
            var location = new ChunkLocation(hash, _blocks.Count, default, offset, (uint)data.Length);
            _chunks.Add(hash, location);
            _bytesWritten += data.Length;
            return location;
        }
    }

    public void AddArtifact(PendingArtifact artifact)
    {
        lock (_gate) _artifacts.TryAdd((artifact.Domain, artifact.Reference), artifact);
    }

    /// <summary>
    /// Finishes and names every block of the batch (each fsynced and renamed into place, directories
    /// fsynced) and returns the batch's index entries; the caller then writes the segment and the seal.
    /// </summary>
    public List<IndexEntry> SealBlocks()
    {
        lock (_gate)
        {
            if (_open is not null) RotateBlock();
            var ids = new List<Digest256>(_blocks.Count);
            foreach (var (tempPath, finished) in _blocks)
            {
                Digest256 id = finished.GetAwaiter().GetResult();
                string finalPath = layout.BlockPath(id);
                if (File.Exists(finalPath))
                    File.Delete(tempPath);
                else
                {
                    Directory.CreateDirectory(layout.BlockDirectory(id));
                    DurableFile.RenameIntoPlace(tempPath, finalPath);
                }
                ids.Add(id);
            }
            var entries = new List<IndexEntry>(_artifacts.Count);
            foreach (var artifact in _artifacts.Values)
            {
                var extents = new Extent[artifact.Chunks.Length];
                for (int i = 0; i < extents.Length; i++) extents[i] = artifact.Chunks[i].Resolve(ids);
                entries.Add(new IndexEntry(artifact.Reference, artifact.Domain, Visibility.Internal, DomainId.None,
                    artifact.TypeTag, artifact.Length, IsTombstone: false, extents));
            }
            return entries;
        }
    }

    /// <summary>Forgets the batch (after it was sealed, or after a failed commit left it unusable).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _open?.Dispose();
            _open = null;
            foreach (var (tempPath, finished) in _blocks)
            {
                try { finished.Wait(); } catch (AggregateException) { }
                if (File.Exists(tempPath)) File.Delete(tempPath);
            }
            if (_openPath is not null && File.Exists(_openPath)) File.Delete(_openPath);
            _openPath = null;
            _blocks.Clear();
            _chunks.Clear();
            _artifacts.Clear();
            _bytesWritten = 0;
        }
    }

    private void RotateBlock()
    {
        var writer = _open!;
        _open = null;
        // Finishing fsyncs the block; overlapping that with filling the next one keeps the disk busy. At most one
        // block finishes at a time, so a fast writer cannot pile up finishing blocks and their 16 MiB of buffers each.
        if (_blocks.Count > 0) WaitQuietly(_blocks[^1].Finished);
        _blocks.Add((_openPath!, Task.Run(() => { using (writer) return writer.Finish(); })));
        _openPath = null;
    }

    /// <summary>Waits for a block to finish; its failure is reported where the batch is sealed.</summary>
    private static void WaitQuietly(Task task)
    {
        try { task.Wait(); }
        catch (AggregateException) { }
    }

    public void Dispose() => Clear();
}
