using System.Buffers.Binary;
using AmduatFs.Core;
using AmduatFs.Store.Segments;
using static AmduatFs.Store.Tests.Segments.SegmentSamples;

namespace AmduatFs.Store.Tests.Segments;

public class SegmentDamageTests
{
    private static readonly byte[] Sound = SegmentEncoder.Encode(3, TwoRecords());

    private static CorruptDataException Rejected(byte[] bytes)
    {
        var e = Assert.Throws<CorruptDataException>(() => SegmentDecoder.Decode(bytes, "seg-3"));
        Assert.Equal("segment", e.ObjectKind);
        Assert.Equal("seg-3", e.ObjectId);
        return e;
    }

    /// <summary>Applies an edit to a copy of the sound segment, reseals the CRC, and returns the decoder's reason.</summary>
    private static string RejectedAfter(Action<byte[]> edit)
    {
        var bytes = (byte[])Sound.Clone();
        edit(bytes);
        return Rejected(Reseal(bytes)).Reason;
    }

    private static void PutU32(byte[] bytes, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);

    [Fact]
    public void Sample_layout_is_as_the_offsets_assume()
    {
        Assert.Equal(FooterOffset + 16, Sound.Length);
        Assert.Equal(TwoRecords()[0].Reference.ToBytes(), Sound.AsSpan(Record0, 2).ToArray().Concat(Sound.AsSpan(Record0 + 3, 32).ToArray()));
        Assert.Equal(7u, BitConverter.ToUInt32(Sound, Record1 + TypeTagAt));
        Assert.Equal(20u, BitConverter.ToUInt32(Sound, Record1 + ExtentLengthAt));
    }

    [Fact]
    public void Every_single_bit_flip_is_rejected()
    {
        for (int i = 0; i < Sound.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                var bytes = (byte[])Sound.Clone();
                bytes[i] ^= (byte)(1 << bit);
                Rejected(bytes);
            }
        }
    }

    [Fact]
    public void Truncation_at_every_length_is_rejected()
    {
        for (int length = 0; length < Sound.Length; length++) Rejected(Sound[..length]);
    }

    [Fact]
    public void Truncated_contents_under_a_valid_footer_are_rejected()
    {
        var footer = Sound[FooterOffset..];
        for (int length = 0; length < FooterOffset; length++) Rejected(Reseal([.. Sound[..length], .. footer]));
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        Assert.Contains("CRC", Rejected([.. Sound, 0]).Reason);
        var footer = Sound[FooterOffset..];
        Assert.Contains("1 bytes follow the last record", Rejected(Reseal([.. Sound[..FooterOffset], 0, .. footer])).Reason);
    }

    [Fact]
    public void Unsorted_records_are_rejected() => Assert.Contains("does not sort after", RejectedAfter(b =>
    {
        var first = b[Record0..Record1];
        b.AsSpan(Record1, RecordLength).CopyTo(b.AsSpan(Record0));
        first.CopyTo(b.AsSpan(Record1));
    }));

    [Fact]
    public void Duplicate_key_is_rejected() => Assert.Contains("does not sort after", RejectedAfter(b =>
        b.AsSpan(Record0, RecordLength).CopyTo(b.AsSpan(Record1))));

    [Fact]
    public void Unknown_record_flag_is_rejected() =>
        Assert.Contains("unknown flag bits 0x04", RejectedAfter(b => b[Record0 + FlagsAt] |= 0x04));

    [Fact]
    public void Type_tag_without_its_flag_is_rejected() =>
        Assert.Contains("without the has_type_tag flag", RejectedAfter(b => b[Record0 + TypeTagAt] = 1));

    [Fact]
    public void Tombstone_with_extents_is_rejected() =>
        Assert.Contains("tombstone", RejectedAfter(b => b[Record0 + FlagsAt] |= 0x02));

    [Fact]
    public void Tombstone_with_a_length_is_rejected() => Assert.Contains("tombstone", RejectedAfter(b =>
    {
        b[Record0 + FlagsAt] |= 0x02;
        PutU32(b, Record0 + ExtentCountAt, 0);
    }));

    [Fact]
    public void Extent_sum_different_from_length_is_rejected() =>
        Assert.Contains("has length 11 but its extents hold 10 bytes", RejectedAfter(b => b[Record0 + LengthAt] = 11));

    [Fact]
    public void Block_index_out_of_range_is_rejected() =>
        Assert.Contains("names block 2 of 2", RejectedAfter(b => PutU32(b, Record0 + ExtentBlockIndexAt, 2)));

    [Fact]
    public void Unused_block_table_entry_is_rejected() =>
        Assert.Contains("block table entry 1", RejectedAfter(b => PutU32(b, Record1 + ExtentBlockIndexAt, 0)));

    [Fact]
    public void Unsorted_block_table_is_rejected() => Assert.Contains("does not sort after", RejectedAfter(b =>
    {
        var first = b[40..72];
        b.AsSpan(72, 32).CopyTo(b.AsSpan(40));
        first.CopyTo(b.AsSpan(72));
    }));

    [Fact]
    public void Zero_length_extent_is_rejected() =>
        Assert.Contains("extent 0 has length 0", RejectedAfter(b => PutU32(b, Record0 + ExtentLengthAt, 0)));

    [Fact]
    public void Extent_inside_the_block_header_is_rejected() =>
        Assert.Contains("inside the block header", RejectedAfter(b => PutU32(b, Record0 + ExtentOffsetAt, 15)));

    [Fact]
    public void Domain_zero_is_rejected() =>
        Assert.Contains("domain 0", RejectedAfter(b => PutU32(b, Record0 + DomainAt, 0)));

    [Fact]
    public void Unknown_visibility_is_rejected() =>
        Assert.Contains("visibility 2", RejectedAfter(b => b[Record0 + VisibilityAt] = 2));

    [Fact]
    public void Absurd_extent_count_is_rejected_before_allocating() =>
        Assert.Contains("declares 4000000000 extents", RejectedAfter(b => PutU32(b, Record0 + ExtentCountAt, 4_000_000_000)));

    [Fact]
    public void Reserved_hash_id_is_rejected() =>
        Assert.Contains("hash id 0x0000", RejectedAfter(b => b[Record0 + 1] = 0));

    [Fact]
    public void Wrong_digest_length_is_rejected() =>
        Assert.Contains("record reference", RejectedAfter(b => b[Record0 + 2] = 31));

    [Theory]
    [InlineData(0, 0x58, "header magic")]
    [InlineData(8, 2, "version is 2")]
    [InlineData(10, 1, "shard_id is 1")]
    [InlineData(12, 41, "header_size is 41")]
    [InlineData(36, 1, "header flags")]
    [InlineData(24, 0, "record_count is 0")]
    [InlineData(31, 1, "cannot fit")]
    [InlineData(35, 1, "cannot fit")]
    public void Header_fields_are_exact(int offset, byte value, string reason) =>
        Assert.Contains(reason, RejectedAfter(b => b[offset] = value));

    [Fact]
    public void Record_count_larger_than_the_records_is_rejected() =>
        Assert.Contains("record reference", RejectedAfter(b => b[24] = 3));

    [Fact]
    public void Block_count_larger_than_the_table_is_rejected() => RejectedAfter(b => b[32] = 3);

    [Fact]
    public void Footer_fields_are_exact()
    {
        Assert.Contains("reserved", RejectedAfter(b => b[FooterOffset + 4] = 1));
        Assert.Contains("footer magic", RejectedAfter(b => b[FooterOffset + 8] = 0));
    }
}
