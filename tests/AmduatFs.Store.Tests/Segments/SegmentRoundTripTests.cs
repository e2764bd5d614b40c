using AmduatFs.Core;
using AmduatFs.Store.Segments;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Segments;

public class SegmentRoundTripTests
{
    [Fact]
    public void Random_entry_sets_decode_to_themselves_in_key_order() =>
        Prop.ForAll(SegmentSamples.Segments.ToArbitrary(), sample =>
        {
            var bytes = SegmentEncoder.Encode(sample.Id, sample.Entries);
            var segment = SegmentDecoder.Decode(bytes, "property");
            var expected = sample.Entries.Order(IndexKeyComparer.Instance).ToArray();
            return segment.Id == sample.Id
                && segment.Entries.Count == expected.Length
                && segment.Entries.Zip(expected).All(p => SegmentSamples.Same(p.First, p.Second));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Encoding_does_not_depend_on_input_order() =>
        Prop.ForAll(SegmentSamples.Segments.ToArbitrary(), sample =>
            SegmentEncoder.Encode(sample.Id, sample.Entries).AsSpan()
                .SequenceEqual(SegmentEncoder.Encode(sample.Id, sample.Entries.Reverse().ToArray())))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void Records_sort_by_domain_before_reference()
    {
        var low = Reference.Sha256(new byte[32]);
        var high = Reference.Sha256(Enumerable.Repeat((byte)0xFF, 32).ToArray());
        IndexEntry Tombstone(Reference r, uint domain) =>
            new(r, new DomainId(domain), Visibility.Internal, DomainId.None, null, 0, true, []);
        var segment = SegmentDecoder.Decode(SegmentEncoder.Encode(1, [Tombstone(low, 2), Tombstone(high, 1), Tombstone(low, 1)]), "s");
        Assert.Equal([(1u, low), (1u, high), (2u, low)], segment.Entries.Select(e => (e.Domain.Value, e.Reference)));
    }

    [Fact]
    public void Block_ids_are_stored_once_each_in_ascending_order()
    {
        var bytes = SegmentEncoder.Encode(3, SegmentSamples.TwoRecords());
        Assert.Equal(2u, BitConverter.ToUInt32(bytes, 32));
        Assert.Equal(SegmentSamples.Block0.ToArray(), bytes[40..72]);
        Assert.Equal(SegmentSamples.Block1.ToArray(), bytes[72..104]);
        Assert.Equal(330, bytes.Length);
    }

    [Fact]
    public void Empty_artifact_has_no_extents()
    {
        var empty = ArtifactEncoding.ComputeReference([], null);
        var entry = new IndexEntry(empty, DomainId.Local, Visibility.Internal, DomainId.None, null, 0, false, []);
        var decoded = Assert.Single(SegmentDecoder.Decode(SegmentEncoder.Encode(1, [entry]), "s").Entries);
        Assert.True(SegmentSamples.Same(entry, decoded));
    }

    [Fact]
    public void Encoder_refuses_no_entries() =>
        Assert.Throws<ArgumentException>(() => SegmentEncoder.Encode(1, []));

    [Fact]
    public void Encoder_refuses_duplicate_keys()
    {
        var entry = SegmentSamples.TwoRecords()[0];
        var e = Assert.Throws<ArgumentException>(() => SegmentEncoder.Encode(1, [entry, entry with { Visibility = Visibility.Published }]));
        Assert.Contains("share the key", e.Message);
    }

    public static TheoryData<string, string> UnstorableEntries => new()
    {
        { "domain 0", "domain 0" },
        { "extents short of length", "its extents hold" },
        { "tombstone with extents", "tombstone" },
        { "visibility 5", "visibility 5" },
        { "zero-length extent", "length 0" },
    };

    [Theory]
    [MemberData(nameof(UnstorableEntries))]
    public void Encoder_refuses_entries_the_format_cannot_hold(string what, string reason)
    {
        var good = SegmentSamples.TwoRecords()[0];
        var bad = what switch
        {
            "domain 0" => good with { Domain = DomainId.None },
            "extents short of length" => good with { Length = 11 },
            "tombstone with extents" => good with { IsTombstone = true },
            "visibility 5" => good with { Visibility = (Visibility)5 },
            _ => good with { Length = 0, Extents = [good.Extents[0] with { Length = 0 }] },
        };
        var e = Assert.Throws<ArgumentException>(() => SegmentEncoder.Encode(1, [bad]));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Worked_example_segment_for_hello()
    {
        var hello = ArtifactEncoding.ComputeReference("hello"u8, null);
        Assert.Equal("00011f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4", hello.ToString());
        var block = Digest256.Parse("b87ed044eb1356aa7e6f74a3d02e5dbfc9a514a186c22c02d65f386d817c8d26");
        var entry = new IndexEntry(hello, DomainId.Local, Visibility.Internal, DomainId.None, null, 5, false,
            [new Extent(Digest256.Of("hello"u8), block, 16, 5)]);
        Assert.Equal(HelloSegmentHex, Convert.ToHexStringLower(SegmentEncoder.Encode(1, [entry])));
    }

    // Copied into docs/format.md; a change here is a format change.
    private const string HelloSegmentHex =
        "41534c5345473031" + "0100" + "0000" + "28000000" + "0100000000000000" + "0100000000000000" + "01000000" + "00000000" +
        "b87ed044eb1356aa7e6f74a3d02e5dbfc9a514a186c22c02d65f386d817c8d26" +
        "0001" + "20" + "1f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4" +
        "01000000" + "00" + "00000000" + "00" + "00000000" + "0500000000000000" + "01000000" +
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" + "00000000" + "10000000" + "05000000" +
        "e254ecde" + "00000000" + "41534c5345474654";
}
