using System.Buffers;
using AmduatFs.Core;

namespace AmduatFs.Store.Engine;

/// <summary>
/// A read-only, seekable view of an artifact's bytes. Each chunk is read at its extent (never the
/// whole block) and checked against its SHA-256 before any of its bytes are returned. While reads move
/// forward chunk by chunk, the next chunk is read and checked in the background, so disk and hash overlap.
/// </summary>
internal sealed class ArtifactReadStream : Stream
{
    private readonly IndexEntry _entry;
    private readonly BlockCache _blocks;
    private readonly ulong[] _starts;
    private byte[] _chunk;
    private byte[] _spare;
    private int _chunkIndex = -1;
    private Task? _prefetch;
    private int _prefetchIndex = -1;
    private long _position;

    public ArtifactReadStream(IndexEntry entry, BlockCache blocks)
    {
        _entry = entry;
        _blocks = blocks;
        _starts = new ulong[entry.Extents.Length];
        ulong start = 0;
        uint largest = 0;
        for (int i = 0; i < _starts.Length; i++)
        {
            _starts[i] = start;
            start += entry.Extents[i].Length;
            largest = Math.Max(largest, entry.Extents[i].Length);
        }
        _chunk = largest == 0 ? [] : ArrayPool<byte>.Shared.Rent((int)largest);
        _spare = [];
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => (long)_entry.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        int total = 0;
        while (destination.Length > 0 && _position < Length)
        {
            int index = Array.BinarySearch(_starts, (ulong)_position);
            if (index < 0) index = ~index - 1;
            LoadChunk(index);
            int within = (int)((ulong)_position - _starts[index]);
            int n = Math.Min(destination.Length, (int)_entry.Extents[index].Length - within);
            _chunk.AsSpan(within, n).CopyTo(destination);
            destination = destination[n..];
            _position += n;
            total += n;
        }
        return total;
    }

    private void LoadChunk(int index)
    {
        if (index == _chunkIndex) return;
        bool sequential = index == _chunkIndex + 1;
        if (_prefetch is not null && _prefetchIndex == index)
        {
            TakePrefetched();
        }
        else
        {
            AbandonPrefetch();
            _chunkIndex = -1;
            ReadChunk(index, _chunk);
            _chunkIndex = index;
        }
        if (sequential && index + 1 < _starts.Length) StartPrefetch(index + 1);
    }

    private void TakePrefetched()
    {
        var prefetch = _prefetch!;
        _prefetch = null;
        _chunkIndex = -1;
        prefetch.GetAwaiter().GetResult();
        (_chunk, _spare) = (_spare, _chunk);
        _chunkIndex = _prefetchIndex;
    }

    private void StartPrefetch(int index)
    {
        if (_spare.Length == 0) _spare = ArrayPool<byte>.Shared.Rent(_chunk.Length);
        var buffer = _spare;
        _prefetchIndex = index;
        _prefetch = Task.Run(() => ReadChunk(index, buffer));
    }

    private void AbandonPrefetch()
    {
        var prefetch = _prefetch;
        _prefetch = null;
        if (prefetch is null) return;
        try { prefetch.GetAwaiter().GetResult(); }
        catch (CorruptDataException) { /* reported if that chunk is ever read in the foreground */ }
    }

    private void ReadChunk(int index, byte[] destination)
    {
        var extent = _entry.Extents[index];
        try
        {
            _blocks.Get(extent.Block).ReadChunk(extent.Offset, extent.Length, extent.Chunk, destination);
        }
        catch (CorruptDataException e) when (e.Artifact is null)
        {
            throw new CorruptDataException(e.ObjectKind, e.ObjectId, e.Reason, _entry.Reference, e.Offset);
        }
        catch (FileNotFoundException)
        {
            throw new CorruptDataException("block", extent.Block.ToString(), "block file is missing", _entry.Reference);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AbandonPrefetch();
            if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
            if (_spare.Length > 0) ArrayPool<byte>.Shared.Return(_spare);
            _chunk = _spare = [];
        }
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("artifacts are immutable");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("artifacts are immutable");
}
