using AmduatFs.Store.Files;
using System.Buffers;
using System.Security.Cryptography;
using AmduatFs.Core;
using Microsoft.Win32.SafeHandles;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// An open, validated block file. Reads are positional (pread), so any number of threads may read at once.
/// Every chunk read is checked against its SHA-256.
/// </summary>
internal sealed class BlockReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly BlockChunk[] _chunks;
    private readonly long _chunkAreaEnd;
    private readonly string _idText;

    private BlockReader(SafeFileHandle file, Digest256 id, BlockChunk[] chunks, long chunkAreaEnd)
    {
        _file = file;
        Id = id;
        _idText = id.ToString();
        _chunks = chunks;
        _chunkAreaEnd = chunkAreaEnd;
    }

    public Digest256 Id { get; }

    public IReadOnlyList<BlockChunk> Chunks => _chunks;

    /// <summary>Opens a block and checks its header, footer and chunk table, whose SHA-256 must be <paramref name="expectedId"/>.</summary>
    /// <exception cref="CorruptDataException">the file is not a sound block named <paramref name="expectedId"/>.</exception>
    public static BlockReader Open(string path, Digest256 expectedId)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var (chunks, tableOffset) = BlockTableReader.Read(file, expectedId);
            return new BlockReader(file, expectedId, chunks, tableOffset);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads exactly the extent (<paramref name="offset"/>, <paramref name="length"/>) into the start of
    /// <paramref name="destination"/> and checks its SHA-256. <paramref name="artifact"/>, when given, is named in errors.
    /// </summary>
    /// <exception cref="CorruptDataException">the extent is outside the chunk area, the file is short, or the hash differs.</exception>
    public void ReadChunk(uint offset, uint length, Digest256 expectedChunkHash, Span<byte> destination, Reference? artifact = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(length);
        if (destination.Length < length)
            throw new ArgumentException($"destination holds {destination.Length} bytes; the chunk is {length}", nameof(destination));
        if (offset < Header.Length.Total || (long)offset + length > _chunkAreaEnd)
            throw Corrupt($"extent of {length} bytes at {offset} lies outside the chunk area {Header.Length.Total}..{_chunkAreaEnd}", artifact, offset);

        var target = destination[..(int)length];
        int read = WindowedRead.ReadAt(_file, target, offset);
        if (read != target.Length)
            throw Corrupt($"file ended after {read} of the chunk's {length} bytes", artifact, offset);
        Span<byte> digest = stackalloc byte[Digest256.Length];
        SHA256.HashData(target, digest);
        var actual = new Digest256(digest);
        if (actual != expectedChunkHash)
            throw Corrupt($"chunk of {length} bytes hashes to {actual}, not {expectedChunkHash}", artifact, offset);
    }

    /// <summary>Reads and checks every chunk in the table; returns one problem per damaged chunk (empty when sound).</summary>
    public IReadOnlyList<CorruptDataException> VerifyAllChunks()
    {
        var problems = new List<CorruptDataException>();
        uint largest = _chunks.Max(c => c.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)largest);
        try
        {
            foreach (var chunk in _chunks)
            {
                try
                {
                    ReadChunk(chunk.Offset, chunk.Length, chunk.Hash, buffer);
                }
                catch (CorruptDataException problem)
                {
                    problems.Add(problem);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return problems;
    }

    public void Dispose() => _file.Dispose();

    private CorruptDataException Corrupt(string reason, Reference? artifact, long offset) =>
        new("block", _idText, reason, artifact, offset);
}
