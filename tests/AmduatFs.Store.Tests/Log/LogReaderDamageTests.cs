using AmduatFs.Core;
using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

/// <summary>Stored bytes no v1 writer produces, or that a crash cannot explain: the scan throws at the first of them.</summary>
public sealed class LogReaderDamageTests
{
    private static (LogTestFile Log, IReadOnlyList<LogRecord> Records) ThreeRecords()
    {
        var log = new LogTestFile();
        var records = log.Append(new DomainCreate(LogSamples.Photos, "photos"), new SegmentSeal(1, LogSamples.Digest(0xa1))).ToList();
        records.AddRange(log.Append(new Tombstone(LogSamples.Photos, LogSamples.Ref(0xb2))));
        return (log, records);
    }

    private static void AssertDamage(CorruptDataException error, string objectId, long offset, string reason)
    {
        Assert.Equal("log record", error.ObjectKind);
        Assert.Equal(objectId, error.ObjectId);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData(0, "magic is 41534c4c4f473032; an ENC/ASL-LOG/1 file starts with \"ASLLOG01\"", 7, 1)]
    [InlineData(8, "version is 2; only version 1 is supported", 8, 1)]
    [InlineData(12, "header_size is 32; version 1 headers are exactly 24 bytes", 12, 8)]
    [InlineData(16, "flags are 0x0000000000000001; version 1 defines none", 16, 1)]
    public void DamagedHeaderIsRejected(int fieldOffset, string reason, int byteToChange, int delta)
    {
        using var log = LogTestFile.With([new SegmentSeal(1, LogSamples.Digest(1))]);
        log.IncrementByte(byteToChange, delta);

        var (records, error) = log.ScanExpectingDamage();

        Assert.Empty(records);
        AssertDamage(error, "header", fieldOffset, reason);
        Assert.Equal($"log record header is damaged at offset {fieldOffset}: {reason}", error.Message);
    }

    [Fact]
    public void ShortFileThatIsNotAPrefixOfTheHeaderIsDamage()
    {
        using var log = new LogTestFile { Bytes = "ASLX"u8.ToArray() };

        var (records, error) = log.ScanExpectingDamage();

        Assert.Empty(records);
        AssertDamage(error, "header", 3, "the file is 4 bytes, shorter than a header, and byte 3 (magic) is 0x58 where a v1 header has 0x4c");
    }

    [Fact]
    public void FlippedBitAnywhereInANonFinalRecordIsDamageNamingThatRecord()
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        byte[] intact = log.Bytes;

        for (int r = 0; r < 2; r++)
        {
            long start = written[r].FileOffset, end = written[r + 1].FileOffset;
            for (long offset = start; offset < end; offset++)
            {
                // Every bit of the record header (where a length bit decides torn versus damaged); one per byte elsewhere.
                var bits = offset < start + 16 ? Enumerable.Range(0, 8) : [(int)(offset % 8)];
                foreach (int bit in bits)
                {
                    byte[] damaged = [.. intact];
                    damaged[offset] ^= (byte)(1 << bit);
                    log.Bytes = damaged;

                    var (records, error) = log.ScanExpectingDamage();

                    LogAssert.SameRecords(written.Take(r), records);
                    Assert.Equal($"logseq {r + 1}", error.ObjectId);
                    Assert.Equal(start, error.Offset);
                }
            }
        }
    }

    [Fact]
    public void CompleteFinalRecordWithABadHashIsDamageNotATornTail()
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        log.IncrementByte(log.Bytes.Length - 1, 1);

        var (records, error) = log.ScanExpectingDamage();

        LogAssert.SameRecords(written.Take(2), records);
        byte[] stored = written[2].Hash.ToArray();
        stored[^1]++;
        AssertDamage(error, "logseq 3", written[2].FileOffset, $"record_hash is {new Digest256(stored)} but the chain gives {written[2].Hash}");
    }

    [Theory]
    [InlineData(3ul, "the record's logseq field is 3; after logseq 1 the next must be 2")]
    [InlineData(1ul, "the record's logseq field is 1; after logseq 1 the next must be 2")]
    [InlineData(0ul, "the record's logseq field is 0; after logseq 1 the next must be 2")]
    public void LogseqThatIsNotThePreviousPlusOneIsDamage(ulong logseq, string reason)
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        log.SetUInt64(written[1].FileOffset, logseq);
        log.FixChain(written[1].FileOffset);

        var (records, error) = log.ScanExpectingDamage();

        LogAssert.SameRecords(written.Take(1), records);
        AssertDamage(error, "logseq 2", written[1].FileOffset, reason);
    }

    [Fact]
    public void FirstRecordMustHaveLogseqOne()
    {
        using var log = LogTestFile.With([new SegmentSeal(1, LogSamples.Digest(1))]);
        log.SetUInt64(24, 2);
        log.FixChain(24);

        var (records, error) = log.ScanExpectingDamage();

        Assert.Empty(records);
        AssertDamage(error, "logseq 1", 24, "the record's logseq field is 2; after logseq 0 the next must be 1");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PayloadLengthOverTheCapIsDamageEvenInTheFinalRecord(int record)
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        long offset = written[record].FileOffset;
        log.SetUInt32(offset + 12, LogFormat.MaxPayloadLength + 1);

        var (records, error) = log.ScanExpectingDamage();

        LogAssert.SameRecords(written.Take(record), records);
        AssertDamage(error, $"logseq {record + 1}", offset, "payload_len is 16777217, over the 16777216-byte cap");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PayloadLengthThatRunsPastTheEndOfAnIntactRecordIsDamage(int record)
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        long offset = written[record].FileOffset;
        log.SetUInt32(offset + 12, 10_000);

        var (records, error) = log.ScanExpectingDamage();

        LogAssert.SameRecords(written.Take(record), records);
        AssertDamage(error, $"logseq {record + 1}", offset,
            $"payload_len is 10000, which runs past the end of the file, but the record is intact with payload_len {written[record].Payload.Length}");
    }

    [Fact]
    public void UnknownRecordTypeIsPassedOnAndChained()
    {
        using var log = LogTestFile.With([new DomainCreate(LogSamples.Photos, "photos")]);
        log.AppendRaw(0x7F, [1, 2, 3]);
        var third = Assert.Single(log.Append(new SegmentSeal(4, LogSamples.Digest(4))));

        var (records, result) = log.Scan();

        Assert.Equal([1ul, 2ul, 3ul], records.Select(r => r.Logseq));
        Assert.Equal(0x7Fu, records[1].Type);
        Assert.Equal([1, 2, 3], records[1].Payload.ToArray());
        Assert.Null(LogPayloadCodec.Decode(records[1].Type, records[1].Payload.Span));
        Assert.Equal(third.Hash, result.End.Hash);
        Assert.Equal(new SegmentSeal(4, LogSamples.Digest(4)), LogPayloadCodec.Decode(records[2].Type, records[2].Payload.Span));

        log.IncrementByte(records[1].FileOffset + 16, 1);
        var (before, error) = log.ScanExpectingDamage();
        LogAssert.SameRecords(records.Take(1), before);
        Assert.Equal("logseq 2", error.ObjectId);
    }
}
