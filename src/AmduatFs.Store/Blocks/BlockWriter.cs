using AmduatFs.Store.Files;
using System.Buffers;
using Microsoft.Win32.SafeHandles;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// Writes one block pack file to a temporary path in large sequential writes. <see cref="Finish"/> makes
/// the file durable and returns its id; the caller then moves it into place with
/// <see cref="DurableFile.RenameIntoPlace"/>. Disposing an unfinished writer deletes the temporary file.
/// Not thread-safe.
/// </summary>
internal sealed class BlockWriter : IDisposable
{
    private const int BufferSize = 4 << 20;

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly List<BlockChunk> _chunks = [];
    private byte[]? _buffer;
    private int _buffered;
    private long _flushed;
    private bool _finished;
    private bool _failed;

    /// <exception cref="IOException"><paramref name="tempPath"/> already exists or cannot be created.</exception>
    public BlockWriter(string tempPath)
    {
        _path = tempPath;
        _file = File.OpenHandle(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        BlockEnvelope.WriteHeader(_buffer);
        _buffered = Header.Length.Total;
    }

    /// <summary>Bytes written so far: the offset the next chunk will get.</summary>
    public long Length => _flushed + _buffered;

    public int ChunkCount => _chunks.Count;

    /// <summary>The chunks appended so far, in order.</summary>
    public IReadOnlyList<BlockChunk> Chunks => _chunks;

    /// <summary>
    /// Appends a chunk and returns its offset. <paramref name="chunkHash"/> must be the SHA-256 of
    /// <paramref name="data"/> (the chunker has already computed it; it is not recomputed here).
    /// </summary>
    /// <exception cref="InvalidOperationException">the block is finished, failed, or past the u32 offsets extents can address.</exception>
    public uint Append(Digest256 chunkHash, ReadOnlySpan<byte> data)
    {
        ThrowIfNotWritable();
        if (data.IsEmpty) throw new ArgumentException("a chunk is at least one byte long", nameof(data));
        long offset = Length;
        if (offset > MaxChunkOffset)
            throw new InvalidOperationException($"block is {offset} bytes; a chunk cannot start beyond offset {MaxChunkOffset}");
        Write(data);
        _chunks.Add(new BlockChunk(chunkHash, (uint)offset, (uint)data.Length));
        return (uint)offset;
    }

    /// <summary>
    /// Writes the chunk table and footer, re-reads and decodes them from the file, fsyncs and closes it.
    /// </summary>
    /// <returns>The block id: the SHA-256 of the chunk table.</returns>
    public Digest256 Finish()
    {
        ThrowIfNotWritable();
        if (_chunks.Count == 0) throw new InvalidOperationException("a block holds at least one chunk");
        try
        {
            long tableOffset = Length;
            byte[] table = ChunkTableCodec.Encode(_chunks);
            var id = Digest256.Of(table);
            Span<byte> footer = stackalloc byte[Footer.Length.Total];
            BlockEnvelope.WriteFooter(footer, (ulong)tableOffset, Crc32C.Compute(table));
            Write(table);
            Write(footer);
            Flush();
            VerifyWritten(id);
            RandomAccess.FlushToDisk(_file);
            _finished = true;
            Dispose();
            return id;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
        _file.Dispose();
        if (!_finished) File.Delete(_path);
    }

    private void VerifyWritten(Digest256 id)
    {
        var (written, _) = BlockTableReader.Read(_file, id);
        if (!written.AsSpan().SequenceEqual(_chunks.ToArray()))
            throw new InvalidOperationException($"block {id} read back with a chunk table different from the one written");
    }

    private void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            var buffer = _buffer!;
            if (data.Length > buffer.Length - _buffered) Flush();
            if (data.Length >= buffer.Length)
            {
                RandomAccess.Write(_file, data, _flushed);
                _flushed += data.Length;
                return;
            }
            data.CopyTo(buffer.AsSpan(_buffered));
            _buffered += data.Length;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private void Flush()
    {
        if (_buffered == 0) return;
        RandomAccess.Write(_file, _buffer.AsSpan(0, _buffered), _flushed);
        _flushed += _buffered;
        _buffered = 0;
    }

    private void ThrowIfNotWritable()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (_failed) throw new InvalidOperationException($"an earlier write to block file '{_path}' failed");
    }
}
