using AmduatFs.Store.Files;
using Microsoft.Win32.SafeHandles;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// Writes one block pack file to a temporary path in large sequential writes. <see cref="Finish"/> makes
/// the file durable and returns its id; the caller then moves it into place with
/// <see cref="DurableFile.RenameIntoPlace"/>. Disposing an unfinished writer deletes the temporary file.
/// Full buffers are written with O_DIRECT where the filesystem allows it, each on a background task
/// while the next buffer fills; the unaligned tail (table and footer) is written buffered.
/// Not thread-safe.
/// </summary>
internal sealed class BlockWriter : IDisposable
{
    private const int BufferSize = 8 << 20;

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly bool _direct;
    private readonly List<BlockChunk> _chunks = [];
    private AlignedBuffer? _filling;
    private AlignedBuffer? _spare;
    private Task _writing = Task.CompletedTask;
    private int _buffered;
    private long _flushed;
    private bool _finished;
    private bool _failed;

    /// <exception cref="IOException"><paramref name="tempPath"/> already exists or cannot be created.</exception>
    public BlockWriter(string tempPath)
    {
        _path = tempPath;
        _file = File.OpenHandle(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        _direct = DirectIo.TryEnable(_file);
        _filling = new AlignedBuffer(BufferSize);
        _spare = new AlignedBuffer(BufferSize);
        BlockEnvelope.WriteHeader(_filling.Span);
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
            _writing.GetAwaiter().GetResult();
            if (_direct) DirectIo.Disable(_file);
            RandomAccess.Write(_file, _filling!.Span[.._buffered], _flushed);
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
        if (_filling is null) return;
        // The background write may still be using a buffer: wait before freeing native memory.
        try { _writing.Wait(); } catch (AggregateException) { }
        _filling.Dispose();
        _spare!.Dispose();
        _filling = null;
        _spare = null;
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
            while (!data.IsEmpty)
            {
                int room = BufferSize - _buffered;
                if (room == 0)
                {
                    WriteFullBuffer();
                    continue;
                }
                int take = Math.Min(room, data.Length);
                data[..take].CopyTo(_filling!.Span[_buffered..]);
                _buffered += take;
                data = data[take..];
            }
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>Hands the full buffer to a background write (after the previous one is done) and fills the other.</summary>
    private void WriteFullBuffer()
    {
        _writing.GetAwaiter().GetResult();
        var full = _filling!;
        long offset = _flushed;
        _writing = Task.Run(() => RandomAccess.Write(_file, full.Span, offset));
        (_filling, _spare) = (_spare, full);
        _flushed += BufferSize;
        _buffered = 0;
    }

    private void ThrowIfNotWritable()
    {
        ObjectDisposedException.ThrowIf(_filling is null, this);
        if (_failed) throw new InvalidOperationException($"an earlier write to block file '{_path}' failed");
    }
}
