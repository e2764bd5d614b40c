using AmduatFs.Core;
using AmduatFs.Store.Blocks;

namespace AmduatFs.Store.Tests.Blocks;

public sealed class BlockDamageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Path, Digest256 Id, List<BlockChunk> Chunks) WriteSample()
    {
        string path = _dir.File("s.blk");
        var (id, chunks) = BlockFiles.Write(path, "first chunk"u8.ToArray(), "second"u8.ToArray(), "third one"u8.ToArray());
        return (path, id, chunks);
    }

    private CorruptDataException OpenFails(byte[] bytes, Digest256 expectedId)
    {
        string path = _dir.File($"damaged-{Guid.NewGuid():n}.blk");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CorruptDataException>(() => BlockReader.Open(path, expectedId).Dispose());
        Assert.Equal("block", e.ObjectKind);
        Assert.Equal(expectedId.ToString(), e.ObjectId);
        return e;
    }

    [Fact]
    public void Flipped_bit_in_chunk_data_fails_that_read_naming_block_and_offset()
    {
        var (path, id, chunks) = WriteSample();
        var bytes = File.ReadAllBytes(path);
        bytes[chunks[1].Offset + 2] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        using var reader = BlockReader.Open(path, id);
        var artifact = ArtifactEncoding.ComputeReference("x"u8, null);
        var e = Assert.Throws<CorruptDataException>(() =>
            reader.ReadChunk(chunks[1].Offset, chunks[1].Length, chunks[1].Hash, new byte[chunks[1].Length], artifact));
        Assert.Equal("block", e.ObjectKind);
        Assert.Equal(id.ToString(), e.ObjectId);
        Assert.Equal(chunks[1].Offset, e.Offset);
        Assert.Equal(artifact, e.Artifact);
        Assert.Contains(id.ToString(), e.Message);

        reader.ReadChunk(chunks[0].Offset, chunks[0].Length, chunks[0].Hash, new byte[chunks[0].Length]);
        var problem = Assert.Single(reader.VerifyAllChunks());
        Assert.Equal(chunks[1].Offset, problem.Offset);
    }

    [Fact]
    public void A_bit_flip_in_any_byte_outside_the_chunk_bytes_fails_open()
    {
        var (path, id, chunks) = WriteSample();
        var original = File.ReadAllBytes(path);
        long dataEnd = chunks[^1].Offset + chunks[^1].Length;
        for (int i = 0; i < original.Length; i++)
        {
            if (i >= 16 && i < dataEnd) continue;
            var bytes = (byte[])original.Clone();
            bytes[i] ^= (byte)(1 << (i % 8));
            OpenFails(bytes, id);
        }
    }

    [Fact]
    public void Truncation_at_every_length_fails_open()
    {
        var (path, id, _) = WriteSample();
        var original = File.ReadAllBytes(path);
        for (int length = 0; length < original.Length; length++) OpenFails(original[..length], id);
    }

    [Fact]
    public void Trailing_byte_fails_open()
    {
        var (path, id, _) = WriteSample();
        OpenFails([.. File.ReadAllBytes(path), 0], id);
    }

    [Fact]
    public void Wrong_expected_id_fails_open()
    {
        var (path, _, _) = WriteSample();
        var other = Digest256.Of("not this block"u8);
        var e = OpenFails(File.ReadAllBytes(path), other);
        Assert.Contains("hashes to", e.Reason);
    }

    [Fact]
    public void Chunk_read_shortened_after_open_fails()
    {
        var (path, id, chunks) = WriteSample();
        using var reader = BlockReader.Open(path, id);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) file.SetLength(chunks[2].Offset + 2);
        var e = Assert.Throws<CorruptDataException>(() => reader.ReadChunk(chunks[2].Offset, chunks[2].Length, chunks[2].Hash, new byte[64]));
        Assert.Contains("file ended", e.Reason);
    }

    [Fact]
    public void Extent_outside_the_chunk_area_fails()
    {
        var (path, id, chunks) = WriteSample();
        using var reader = BlockReader.Open(path, id);
        Assert.Throws<CorruptDataException>(() => reader.ReadChunk(8, 4, chunks[0].Hash, new byte[4]));
        Assert.Throws<CorruptDataException>(() => reader.ReadChunk(chunks[2].Offset, chunks[2].Length + 1, chunks[2].Hash, new byte[64]));
    }

    // The table is guarded by both its CRC and its hash; these build tables with both recomputed, so only the rule can fail.

    [Fact]
    public void Sound_hand_built_block_opens()
    {
        var (bytes, hash) = BlockFiles.Build("abcdef"u8.ToArray(), [(16, 2), (18, 4)]);
        string path = _dir.File("ok.blk");
        File.WriteAllBytes(path, bytes);
        using var reader = BlockReader.Open(path, hash);
        Assert.Equal(2, reader.Chunks.Count);
    }

    [Theory]
    [InlineData(16, 2, 19, 3, "must start at 18")] // gap
    [InlineData(16, 2, 17, 5, "must start at 18")] // overlap
    [InlineData(17, 2, 19, 3, "must start at 16")] // not at the header's end
    [InlineData(16, 0, 16, 6, "length 0")]
    [InlineData(16, 2, 18, 3, "chunks end at 21 but the table starts at 22")]
    public void Chunks_must_tile_the_data_exactly(int offset0, int length0, int offset1, int length1, string reason)
    {
        var (bytes, hash) = BlockFiles.Build("abcdef"u8.ToArray(), [((ulong)offset0, (uint)length0), ((ulong)offset1, (uint)length1)]);
        Assert.Contains(reason, OpenFails(bytes, hash).Reason);
    }

    [Fact]
    public void Empty_table_fails()
    {
        var (bytes, hash) = BlockFiles.Build(new byte[100], []);
        Assert.Contains("empty", OpenFails(bytes, hash).Reason);
        (bytes, hash) = BlockFiles.Build("abcdef"u8.ToArray(), []);
        Assert.Contains("smallest block", OpenFails(bytes, hash).Reason);
    }

    [Fact]
    public void Table_offset_not_at_the_table_fails()
    {
        var (bytes, hash) = BlockFiles.Build("abcdef"u8.ToArray(), [(16, 6)], tableOffset: 21);
        OpenFails(bytes, hash);
        (bytes, hash) = BlockFiles.Build("abcdef"u8.ToArray(), [(16, 6)], tableOffset: ulong.MaxValue);
        OpenFails(bytes, hash);
    }

    [Fact]
    public void Header_and_footer_fields_are_exact()
    {
        var data = "abcdef"u8.ToArray();
        ((byte[], Digest256) Block, string Reason)[] cases =
        [
            (BlockFiles.Build(data, [(16, 6)], version: 2), "version is 2"),
            (BlockFiles.Build(data, [(16, 6)], headerSize: 24), "header_size is 24"),
            (BlockFiles.Build(data, [(16, 6)], reserved: 1), "reserved"),
            (BlockFiles.Build(data, [(16, 6)], crc: 0xDEADBEEF), "CRC-32C"),
        ];
        foreach (var ((bytes, hash), reason) in cases) Assert.Contains(reason, OpenFails(bytes, hash).Reason);
    }
}
