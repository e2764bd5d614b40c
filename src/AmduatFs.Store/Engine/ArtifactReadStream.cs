using System.Buffers;
using AmduatFs.Core;

namespace AmduatFs.Store.Engine;

/// <summary>
/// A read-only, seekable view of an artifact's bytes. Each chunk is read at its extent (never the
/// whole block) and checked against its SHA-256 before any of its bytes are returned. While reads move
/// forward chunk by chunk, the next <see cref="ReadAhead"/> chunks are read and checked in the background,
/// so disk, hashing on both cores and the caller's copying overlap.
/// </summary>
internal sealed class ArtifactReadStream : Stream
{
    private readonly IndexEntry _entry;
    private readonly BlockCache _blocks;
    private readonly ulong[] _starts;
    private const int ReadAhead = 8;

    private readonly Queue<(int Index, byte[] Buffer, Task Read)> _ahead = new();
    private readonly Stack<byte[]> _spares = new();
    private readonly int _bufferSize;
    private byte[] _chunk;
    private int _chunkIndex = -1;
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
        _bufferSize = (int)largest;
        _chunk = largest == 0 ? [] : ArrayPool<byte>.Shared.Rent(_bufferSize);
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
        _chunkIndex = -1;
        if (_ahead.Count > 0 && _ahead.Peek().Index == index)
        {
            var (_, buffer, read) = _ahead.Dequeue();
            try
            {
                read.GetAwaiter().GetResult();
            }
            catch
            {
                _spares.Push(buffer);
                throw;
            }
            _spares.Push(_chunk);
            _chunk = buffer;
        }
        else
        {
            AbandonReadAhead();
            ReadChunk(index, _chunk);
        }
        _chunkIndex = index;
        if (sequential) TopUpReadAhead(index);
    }

    private void TopUpReadAhead(int current)
    {
        int next = _ahead.Count > 0 ? _ahead.Last().Index + 1 : current + 1;
        while (_ahead.Count < ReadAhead && next < _starts.Length)
        {
            int index = next++;
            var buffer = _spares.Count > 0 ? _spares.Pop() : ArrayPool<byte>.Shared.Rent(_bufferSize);
            _ahead.Enqueue((index, buffer, Task.Run(() => ReadChunk(index, buffer))));
        }
    }

    private void AbandonReadAhead()
    {
        while (_ahead.Count > 0)
        {
            var (_, buffer, read) = _ahead.Dequeue();
            try { read.GetAwaiter().GetResult(); }
            catch (CorruptDataException) { /* reported if that chunk is ever read in the foreground */ }
            _spares.Push(buffer);
        }
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
            AbandonReadAhead();
            if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
            while (_spares.Count > 0) ArrayPool<byte>.Shared.Return(_spares.Pop());
            _chunk = [];
        }
        base.Dispose(disposing);
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("artifacts are immutable");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("artifacts are immutable");
}
