using AmduatFs.Store.Log;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Log;

public sealed class LogPayloadCodecTests
{
    public static TheoryData<LogPayload> Samples => LogSamples.OneOfEachData();

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryPayloadTypeRoundTrips(LogPayload payload)
    {
        byte[] bytes = LogPayloadCodec.Encode(payload);

        Assert.Equal(payload, LogPayloadCodec.Decode((uint)payload.Type, bytes));
    }

    [Fact]
    public void RandomPayloadsRoundTrip()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(LogSamples.Payloads.ToArbitrary(), payload =>
            Assert.Equal(payload, LogPayloadCodec.Decode((uint)payload.Type, LogPayloadCodec.Encode(payload)))));
    }

    [Theory]
    [InlineData(0x01, "0100000000000000" + "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1")]
    [InlineData(0x10, "01000000" + "0001" + "20" + "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2")]
    [InlineData(0x11, "0200000000000000" + "01000000" + "0001" + "20" + "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2")]
    [InlineData(0x30, "07000000" + "0600" + "70686f746f73")]
    [InlineData(0x31, "01000000" + "0001" + "20" + "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4")]
    public void LayoutsAreLittleEndianWithFramedReferences(uint type, string expectedHex)
    {
        var payload = LogSamples.OneOfEach().Single(p => (uint)p.Type == type);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(LogPayloadCodec.Encode(payload)));
    }

    [Fact]
    public void SnapshotAnchorLayout()
    {
        var anchor = new SnapshotAnchor(new DomainId(2), 3, "v1", LogSamples.Ref(0xc3), -1);

        Assert.Equal(
            "02000000" + "0300000000000000" + "ffffffffffffffff" + "0200" + "7631" + "0001" + "20" + string.Concat(Enumerable.Repeat("c3", 32)),
            Convert.ToHexStringLower(LogPayloadCodec.Encode(anchor)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryTruncationIsRejectedNamingTheType(LogPayload payload)
    {
        byte[] bytes = LogPayloadCodec.Encode(payload);
        for (int length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<FormatException>(() => LogPayloadCodec.Decode((uint)payload.Type, bytes.AsSpan(0, length)));
            Assert.StartsWith($"{payload.Type} payload (record type 0x{(uint)payload.Type:x2}): ", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TrailingBytesAreRejected(LogPayload payload)
    {
        byte[] bytes = [.. LogPayloadCodec.Encode(payload), 0x00];

        var error = Assert.Throws<FormatException>(() => LogPayloadCodec.Decode((uint)payload.Type, bytes));
        Assert.Equal($"{payload.Type} payload (record type 0x{(uint)payload.Type:x2}): 1 trailing bytes follow the last field", error.Message);
    }

    public static TheoryData<LogPayload, int> DomainOffsets => new()
    {
        { new Tombstone(DomainId.Local, LogSamples.Ref(1)), 0 },
        { new TombstoneLift(5, DomainId.Local, LogSamples.Ref(1)), 8 },
        { new SnapshotAnchor(DomainId.Local, 1, "s", LogSamples.Ref(1), 0), 0 },
        { new DomainCreate(DomainId.Local, "d"), 0 },
        { new StagingRoot(DomainId.Local, LogSamples.Ref(1)), 0 },
    };

    [Theory]
    [MemberData(nameof(DomainOffsets))]
    public void DomainZeroIsRejected(LogPayload payload, int domainOffset)
    {
        byte[] bytes = LogPayloadCodec.Encode(payload);
        bytes.AsSpan(domainOffset, 4).Clear();

        var decodeError = Assert.Throws<FormatException>(() => LogPayloadCodec.Decode((uint)payload.Type, bytes));
        Assert.EndsWith("domain is 0, which is never valid", decodeError.Message);
        var withoutDomain = payload switch
        {
            Tombstone t => t with { Domain = DomainId.None },
            TombstoneLift l => l with { Domain = DomainId.None },
            SnapshotAnchor a => a with { Domain = DomainId.None },
            DomainCreate c => c with { Domain = DomainId.None },
            StagingRoot s => (LogPayload)(s with { Domain = DomainId.None }),
            _ => throw new InvalidOperationException(),
        };
        Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(withoutDomain));
    }

    [Fact]
    public void ZeroSnapshotIdAndZeroTombstoneLogseqAreRejected()
    {
        Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(new SnapshotAnchor(DomainId.Local, 0, "s", LogSamples.Ref(1), 0)));
        Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(new TombstoneLift(0, DomainId.Local, LogSamples.Ref(1))));

        byte[] anchor = LogPayloadCodec.Encode(new SnapshotAnchor(DomainId.Local, 1, "s", LogSamples.Ref(1), 0));
        anchor[4] = 0;
        Assert.EndsWith("snapshot_id is 0, which is never valid", Assert.Throws<FormatException>(() => LogPayloadCodec.Decode(0x20, anchor)).Message);
        byte[] lift = LogPayloadCodec.Encode(new TombstoneLift(1, DomainId.Local, LogSamples.Ref(1)));
        lift[0] = 0;
        Assert.EndsWith("tombstone_logseq is 0, which is never valid", Assert.Throws<FormatException>(() => LogPayloadCodec.Decode(0x11, lift)).Message);
    }

    [Theory]
    [InlineData(0x20, 22)]
    [InlineData(0x30, 6)]
    public void InvalidUtf8InANameIsRejected(uint type, int nameOffset)
    {
        var payload = LogSamples.OneOfEach().Single(p => (uint)p.Type == type);
        byte[] bytes = LogPayloadCodec.Encode(payload);
        bytes[nameOffset] = 0xff;

        var error = Assert.Throws<FormatException>(() => LogPayloadCodec.Decode(type, bytes));
        Assert.EndsWith("name is not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("", "name is 0 bytes; names are 1..255 bytes")]
    [InlineData("a/b", "name contains '/' at byte 1")]
    [InlineData("a\0b", "name contains NUL at byte 1")]
    [InlineData(".", "which is not a usable path component")]
    [InlineData("..", "which is not a usable path component")]
    public void InvalidNamesAreRejectedBothWays(string name, string problem)
    {
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(new DomainCreate(DomainId.Local, name))).Message);

        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        byte[] bytes = [1, 0, 0, 0, (byte)utf8.Length, 0, .. utf8];
        Assert.EndsWith(problem, Assert.Throws<FormatException>(() => LogPayloadCodec.Decode(0x30, bytes)).Message);
    }

    [Fact]
    public void NamesUpTo255BytesAreAccepted()
    {
        string longest = new('漢', 85);
        Assert.Equal(new DomainCreate(DomainId.Local, longest), LogPayloadCodec.Decode(0x30, LogPayloadCodec.Encode(new DomainCreate(DomainId.Local, longest))));

        var error = Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(new DomainCreate(DomainId.Local, longest + "a")));
        Assert.Contains("name is 256 bytes", error.Message);
        Assert.Throws<ArgumentException>(() => LogPayloadCodec.Encode(new DomainCreate(DomainId.Local, "\ud800")));
    }

    [Fact]
    public void ReservedHashIdInAReferenceIsRejectedNamingTheType()
    {
        byte[] bytes = LogPayloadCodec.Encode(new StagingRoot(DomainId.Local, LogSamples.Ref(1)));
        bytes[4] = 0;
        bytes[5] = 0;

        var error = Assert.Throws<FormatException>(() => LogPayloadCodec.Decode(0x31, bytes));
        Assert.Equal("StagingRoot payload (record type 0x31): root: hash id 0x0000 is reserved and never valid", error.Message);
    }

    [Theory]
    [InlineData(0x00u)]
    [InlineData(0x7Fu)]
    [InlineData(0xFFFF_FFFFu)]
    public void UnknownRecordTypesDecodeToNull(uint type)
    {
        Assert.Null(LogPayloadCodec.Decode(type, [1, 2, 3]));
    }
}
