using System.Buffers;
using System.Security.Cryptography;
using AmduatFs.Core;
using AmduatFs.Store.Chunking;
using AmduatFs.Store.Files;
using AmduatFs.Store.Replay;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Engine;

/// <summary>
/// Turns bytes into chunks in the pending batch and an artifact entry. Each byte is hashed twice
/// (for its chunk and for the artifact's reference); the two run in parallel for large inputs.
/// </summary>
internal sealed class ArtifactIngest(PendingBatch batch, FastCdc2020 chunker, ChunkerParameters parameters)
{
    // The chunker leaves fewer than Max bytes uncut at a window's end; they move into the carry room.
    private readonly int _carryRoom = DirectIo.RoundUp(parameters.Max);
    private readonly int _windowSize = DirectIo.RoundUp(Math.Max(8 * 1024 * 1024, 2 * parameters.Max));

    public PendingArtifact Put(DomainId domain, ReadOnlySpan<byte> bytes, uint? typeTag, ReplayState state)
    {
        var reference = ArtifactEncoding.ComputeReference(bytes, typeTag);
        var chunks = new List<ChunkLocation>();
        int position = 0;
        while (position < bytes.Length)
        {
            int length = chunker.FindBoundary(bytes[position..], isFinal: true);
            chunks.Add(StoreChunk(bytes.Slice(position, length), state));
            position += length;
        }
        return new PendingArtifact(reference, domain, typeTag, (ulong)bytes.Length, chunks.ToArray());
    }

    /// <exception cref="IOException">the file is not exactly <paramref name="length"/> bytes long, or a read failed.</exception>
    public PendingArtifact PutFile(DomainId domain, SafeFileHandle file, long length, ReplayState state)
    {
        if (length <= parameters.Min) return PutSmallFile(domain, file, length, state);
        bool direct = DirectIo.TryEnable(file);
        try
        {
            return PutLargeFile(domain, file, length, state);
        }
        finally
        {
            if (direct) DirectIo.Disable(file);
        }
    }

    /// <summary>
    /// Reads the file in aligned windows, each read while the one before is cut, chunk-hashed and
    /// stored; the artifact hash runs beside the chunking. Each window sits after room for the bytes
    /// the chunker carried over from the window before, so a chunk is always contiguous.
    /// </summary>
    private PendingArtifact PutLargeFile(DomainId domain, SafeFileHandle file, long length, ReplayState state)
    {
        using var hasher = new ArtifactHasher(null, (ulong)length);
        var chunks = new List<ChunkLocation>();
        using var current = new AlignedBuffer(_carryRoom + _windowSize);
        using var next = new AlignedBuffer(_carryRoom + _windowSize);
        var reading = Task.FromResult(ReadWindow(file, current, 0, length));
        var hashing = Task.CompletedTask;
        long fileOffset = 0;
        int carried = 0;
        var (buffer, spare) = (current, next);
        try
        {
            while (true)
            {
                int read = reading.GetAwaiter().GetResult();
                fileOffset += read;
                bool isFinal = fileOffset == length;
                if (!isFinal)
                {
                    long nextOffset = fileOffset;
                    var target = spare;
                    reading = Task.Run(() => ReadWindow(file, target, nextOffset, length));
                }
                hashing = Task.Run(() => hasher.Append(buffer.Span.Slice(_carryRoom, read)));
                int position = _carryRoom - carried;
                int end = _carryRoom + read;
                while (position < end)
                {
                    int cut = chunker.FindBoundary(buffer.Span[position..end], isFinal);
                    if (cut < 0) break;
                    chunks.Add(StoreChunk(buffer.Span.Slice(position, cut), state));
                    position += cut;
                }
                hashing.GetAwaiter().GetResult();
                if (isFinal) break;
                carried = end - position;
                buffer.Span[position..end].CopyTo(spare.Span[(_carryRoom - carried).._carryRoom]);
                (buffer, spare) = (spare, buffer);
            }
        }
        finally
        {
            // Neither the read ahead nor the hash may outlive the buffers they use.
            try { Task.WaitAll(reading, hashing); } catch (AggregateException) { }
        }
        return new PendingArtifact(hasher.Finish(), domain, null, (ulong)length, chunks.ToArray());
    }

    /// <summary>
    /// Reads the window at <paramref name="offset"/> into the buffer after its carry room. Asking for more
    /// than the file should still hold (or probing past a window that ends exactly at
    /// <paramref name="length"/>) shows whether the file grew or shrank since its length was taken.
    /// </summary>
    private int ReadWindow(SafeFileHandle file, AlignedBuffer buffer, long offset, long length)
    {
        int expected = (int)Math.Min(_windowSize, length - offset);
        int read = PositionalRead.ReadAt(file, buffer.Span.Slice(_carryRoom, _windowSize), offset);
        if (read < expected)
            throw new IOException($"file changed while it was read: expected {length} bytes, found {offset + read}");
        if (read > expected || (offset + read == length && read == _windowSize && ProbeBeyond(file, length)))
            throw new IOException($"file changed while it was read: it grew past {length} bytes");
        return read;
    }

    // A window that ends exactly at the expected end cannot tell whether more follows; one aligned read can.
    private static bool ProbeBeyond(SafeFileHandle file, long length)
    {
        using var probe = new AlignedBuffer(DirectIo.Alignment);
        return RandomAccess.Read(file, probe.Span, length) != 0;
    }

    private PendingArtifact PutSmallFile(DomainId domain, SafeFileHandle file, long length, ReplayState state)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            int read = PositionalRead.ReadAt(file, buffer.AsSpan(0, (int)length + 1), 0);
            if (read != length)
                throw new IOException($"file changed while it was read: expected {length} bytes, read {read}");
            return Put(domain, buffer.AsSpan(0, read), null, state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ChunkLocation StoreChunk(ReadOnlySpan<byte> data, ReplayState state)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(data, digest);
        return batch.StoreChunk(new Digest256(digest), data, state);
    }
}
