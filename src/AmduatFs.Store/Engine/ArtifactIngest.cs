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
    private readonly int _bufferSize = Math.Max(8 * 1024 * 1024, 2 * parameters.Max);

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

        using var hasher = new ArtifactHasher(null, (ulong)length);
        var chunks = new List<ChunkLocation>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        try
        {
            long fileOffset = 0;
            int carried = 0;
            while (true)
            {
                int read = PositionalRead.ReadAt(file, buffer.AsSpan(carried, _bufferSize - carried), fileOffset);
                fileOffset += read;
                if (fileOffset > length || (read == 0 && fileOffset < length))
                    throw new IOException($"file changed while it was read: expected {length} bytes, found {(read == 0 ? fileOffset : "more")}");
                bool isFinal = fileOffset == length;
                if (isFinal) EnsureNoMoreBytes(file, length);
                int newStart = carried;
                var hashing = read > 0 ? Task.Run(() => hasher.Append(buffer.AsSpan(newStart, read))) : Task.CompletedTask;
                int filled = carried + read;
                int position = 0;
                while (position < filled)
                {
                    int cut = chunker.FindBoundary(buffer.AsSpan(position, filled - position), isFinal);
                    if (cut < 0) break;
                    chunks.Add(StoreChunk(buffer.AsSpan(position, cut), state));
                    position += cut;
                }
                hashing.GetAwaiter().GetResult();
                if (isFinal) break;
                carried = filled - position;
                Buffer.BlockCopy(buffer, position, buffer, 0, carried);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return new PendingArtifact(hasher.Finish(), domain, null, (ulong)length, chunks.ToArray());
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

    // A file that grew past the length the caller saw must fail rather than be stored truncated.
    private static void EnsureNoMoreBytes(SafeFileHandle file, long length)
    {
        Span<byte> one = stackalloc byte[1];
        if (RandomAccess.Read(file, one, length) != 0)
            throw new IOException($"file changed while it was read: it grew past {length} bytes");
    }
}
