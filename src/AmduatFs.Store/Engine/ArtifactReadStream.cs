using AmduatFs.Core;

namespace AmduatFs.Store.Engine;

/// <summary>
/// A read-only, seekable view of an artifact's bytes. Each chunk is read at its extent (never the
/// whole block) and checked against its SHA-256 before any of its bytes are returned.
/// </summary>
internal sealed class ArtifactReadStream : Stream
{
    private readonly IndexEntry _entry;
    private readonly BlockCache _blocks;
    private readonly ulong[] _starts;
    private byte[] _chunk = [];
    private int _chunkIndex = -1;
    private long _position;

    public ArtifactReadStream(IndexEntry entry, BlockCache blocks)
    {
        _entry = entry;
        _blocks = blocks;
        _starts = new ulong[entry.Extents.Length];
        ulong start = 0;
        for (int i = 0; i < _starts.Length; i++)
        {
            _starts[i] = start;
            start += entry.Extents[i].Length;
        }
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
            int n = Math.Min(destination.Length, _chunk.Length - within);
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
        var extent = _entry.Extents[index];
        if (_chunk.Length != extent.Length) _chunk = new byte[extent.Length];
        try
        {
            _blocks.Get(extent.Block).ReadChunk(extent.Offset, extent.Length, extent.Chunk, _chunk);
        }
        catch (CorruptDataException e) when (e.Artifact is null)
        {
            _chunkIndex = -1;
            throw new CorruptDataException(e.ObjectKind, e.ObjectId, e.Reason, _entry.Reference, e.Offset);
        }
        catch (FileNotFoundException)
        {
            _chunkIndex = -1;
            throw new CorruptDataException("block", extent.Block.ToString(), "block file is missing", _entry.Reference);
        }
        _chunkIndex = index;
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

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException("artifacts are immutable");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("artifacts are immutable");
}
