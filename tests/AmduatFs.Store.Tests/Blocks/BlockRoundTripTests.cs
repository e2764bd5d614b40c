using AmduatFs.Store.Files;
using System.Buffers.Binary;
using System.Security.Cryptography;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;

namespace AmduatFs.Store.Tests.Blocks;

public sealed class BlockRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[][] SampleChunks()
    {
        var random = new Random(7);
        // The writer fills 8 MiB buffers: the 9 MiB chunk spans two, and the block ends in a third.
        return new[] { 1, 100, 9 << 20, 3, 70_000, 8 << 20 }.Select(n => { var b = new byte[n]; random.NextBytes(b); return b; }).ToArray();
    }

    [Fact]
    public void Chunks_written_are_read_back_from_their_offsets()
    {
        var chunks = SampleChunks();
        string path = _dir.File("b.blk");
        var (id, written) = BlockFiles.Write(path, chunks);

        long expectedOffset = 16;
        for (int i = 0; i < chunks.Length; i++)
        {
            Assert.Equal(new BlockChunk(Digest256.Of(chunks[i]), (uint)expectedOffset, (uint)chunks[i].Length), written[i]);
            expectedOffset += chunks[i].Length;
        }

        using var reader = BlockReader.Open(path, id);
        Assert.Equal(written, reader.Chunks);
        foreach (var (chunk, data) in reader.Chunks.Zip(chunks))
        {
            var destination = new byte[chunk.Length + 5];
            reader.ReadChunk(chunk.Offset, chunk.Length, chunk.Hash, destination);
            Assert.Equal(data, destination[..data.Length]);
        }
        Assert.Empty(reader.VerifyAllChunks());
    }

    [Fact]
    public void Block_id_is_the_sha256_of_the_table_bytes_in_the_file()
    {
        string path = _dir.File("b.blk");
        var (id, _) = BlockFiles.Write(path, "alpha"u8.ToArray(), "beta"u8.ToArray());

        var file = File.ReadAllBytes(path);
        long tableOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(file.Length - 24));
        Assert.Equal(16 + 5 + 4, tableOffset);
        var table = file[(int)tableOffset..^24];
        Assert.Equal(4 + 2 * 44, table.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(table)), id.ToString());
    }

    [Fact]
    public void Writer_reports_length_and_count_as_it_goes()
    {
        using var writer = new BlockWriter(_dir.File("w.tmp"));
        Assert.Equal(16, writer.Length);
        Assert.Equal(16u, writer.Append(Digest256.Of("ab"u8), "ab"u8));
        Assert.Equal(18u, writer.Append(Digest256.Of("cde"u8), "cde"u8));
        Assert.Equal(21, writer.Length);
        Assert.Equal(2, writer.ChunkCount);
    }

    [Fact]
    public void Concurrent_reads_do_not_interfere()
    {
        var chunks = Enumerable.Range(1, 64).Select(i => Enumerable.Repeat((byte)i, i * 97).ToArray()).ToArray();
        string path = _dir.File("c.blk");
        var (id, _) = BlockFiles.Write(path, chunks);
        using var reader = BlockReader.Open(path, id);
        Parallel.For(0, 2000, i =>
        {
            var chunk = reader.Chunks[i % chunks.Length];
            var destination = new byte[chunk.Length];
            reader.ReadChunk(chunk.Offset, chunk.Length, chunk.Hash, destination);
            Assert.Equal(chunks[i % chunks.Length], destination);
        });
    }

    [Fact]
    public void Finish_without_chunks_is_refused()
    {
        using var writer = new BlockWriter(_dir.File("e.tmp"));
        Assert.Throws<InvalidOperationException>(() => writer.Finish());
    }

    [Fact]
    public void Empty_chunk_is_refused()
    {
        using var writer = new BlockWriter(_dir.File("e.tmp"));
        Assert.Throws<ArgumentException>(() => writer.Append(Digest256.Of([]), []));
    }

    [Fact]
    public void Disposing_an_unfinished_writer_deletes_its_temp_file()
    {
        string temp = _dir.File("abandoned.tmp");
        using (var writer = new BlockWriter(temp)) writer.Append(Digest256.Of("x"u8), "x"u8);
        Assert.False(File.Exists(temp));
    }

    [Fact]
    public void Finished_writer_refuses_more_work()
    {
        var writer = new BlockWriter(_dir.File("f.tmp"));
        writer.Append(Digest256.Of("x"u8), "x"u8);
        writer.Finish();
        Assert.Throws<ObjectDisposedException>(() => writer.Append(Digest256.Of("y"u8), "y"u8));
        Assert.True(File.Exists(_dir.File("f.tmp")));
    }

    [Fact]
    public void Rename_into_place_moves_the_file_and_syncs_its_directory()
    {
        File.WriteAllText(_dir.File("t"), "x");
        DurableFile.RenameIntoPlace(_dir.File("t"), _dir.File("final"));
        Assert.False(File.Exists(_dir.File("t")));
        Assert.Equal("x", File.ReadAllText(_dir.File("final")));
    }

    [Fact]
    public void Fsync_of_a_missing_directory_fails_with_the_reason()
    {
        var e = Assert.Throws<IOException>(() => DurableFile.FsyncDirectory(_dir.File("missing")));
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void Worked_example_block_holding_hello()
    {
        string path = _dir.File("hello.blk");
        var (id, _) = BlockFiles.Write(path, "hello"u8.ToArray());
        Assert.Equal(HelloBlockHex, Convert.ToHexStringLower(File.ReadAllBytes(path)));
        Assert.Equal(HelloBlockId, id.ToString());
    }

    // Copied into docs/format.md; a change here is a format change.
    internal const string HelloBlockHex =
        "41534c424c4b3031" + "01000000" + "10000000" +
        "68656c6c6f" +
        "01000000" + "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" + "1000000000000000" + "05000000" +
        "1500000000000000" + HelloTableCrcHex + "00000000" + "41534c424c4b4654";

    internal const string HelloTableCrcHex = "ea9c01a5";
    internal const string HelloBlockId = "b87ed044eb1356aa7e6f74a3d02e5dbfc9a514a186c22c02d65f386d817c8d26";
}
