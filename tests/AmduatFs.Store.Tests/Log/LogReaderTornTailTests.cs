using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

/// <summary>What a crash mid-append, or a writer still appending, leaves: the scan ends before it and reports it.</summary>
public sealed class LogReaderTornTailTests
{
    private static (LogTestFile Log, IReadOnlyList<LogRecord> Records) ThreeRecords()
    {
        var log = new LogTestFile();
        var records = log.Append(new DomainCreate(LogSamples.Photos, "photos"), new SegmentSeal(1, LogSamples.Digest(0xa1))).ToList();
        records.AddRange(log.Append(new Tombstone(LogSamples.Photos, LogSamples.Ref(0xb2))));
        return (log, records);
    }

    [Fact]
    public void EmptyFileNeedsAHeaderAndHoldsNoRecords()
    {
        using var log = new LogTestFile { Bytes = [] };

        var (records, result) = log.Scan();

        Assert.Empty(records);
        Assert.Equal(new LogScanResult(LogPosition.Empty, null), result);
        Assert.True(result.NeedsHeader);
    }

    [Fact]
    public void HeaderAloneIsAValidEmptyLog()
    {
        using var log = new LogTestFile();
        using (LogWriter.Open(log.Path, LogPosition.Empty)) { }

        var (records, result) = log.Scan();

        Assert.Empty(records);
        Assert.Equal(new LogScanResult(LogPosition.AfterHeader, null), result);
        Assert.False(result.NeedsHeader);
    }

    [Fact]
    public void EveryPrefixOfTheHeaderIsATornHeader()
    {
        using var log = new LogTestFile();
        using (LogWriter.Open(log.Path, LogPosition.Empty)) { }
        byte[] header = log.Bytes;

        for (int length = 1; length < header.Length; length++)
        {
            log.Bytes = header[..length];
            var (records, result) = log.Scan();

            Assert.Empty(records);
            Assert.Equal(LogPosition.Empty, result.End);
            Assert.True(result.NeedsHeader);
            Assert.Equal(new LogTornTail(0, length, $"the header is torn: {length} of its 24 bytes were written"), result.TornTail);
        }
    }

    [Fact]
    public void EveryTruncationOfTheLastRecordIsATornTail()
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        byte[] full = log.Bytes;
        var last = written[2];
        int lastLength = full.Length - (int)last.FileOffset;

        for (int kept = 0; kept < lastLength; kept++)
        {
            log.Bytes = full[..((int)last.FileOffset + kept)];
            var (records, result) = log.Scan();

            LogAssert.SameRecords(written.Take(2), records);
            Assert.Equal(new LogPosition(last.FileOffset, 2, written[1].Hash), result.End);
            if (kept == 0)
            {
                Assert.Null(result.TornTail);
                continue;
            }
            string reason = kept < 16
                ? $"record logseq 3 is torn: {kept} of its 16 header bytes were written"
                : $"record logseq 3 is torn: {kept} of its {lastLength} bytes were written";
            Assert.Equal(new LogTornTail(last.FileOffset, kept, reason), result.TornTail);
        }
    }

    [Fact]
    public void TornTailInsideTheFirstRecordLeavesJustTheHeader()
    {
        using var log = LogTestFile.With([new SegmentSeal(9, LogSamples.Digest(1))]);
        log.ShrinkSize(1);

        var (records, result) = log.Scan();

        Assert.Empty(records);
        Assert.Equal(LogPosition.AfterHeader, result.End);
        Assert.Equal(new LogTornTail(24, 87, "record logseq 1 is torn: 87 of its 88 bytes were written"), result.TornTail);
    }

    [Fact]
    public void AFollowerSeesAWriterMidAppendAsATornTail()
    {
        var (log, written) = ThreeRecords();
        using var _ = log;
        byte[] full = log.Bytes;
        // Records 2 and 3 caught half-way through being written.
        int batchStart = (int)written[1].FileOffset;
        log.Bytes = full[..(batchStart + (full.Length - batchStart) / 2)];

        var (records, result) = log.Scan();

        LogAssert.SameRecords(written.Take(1), records);
        Assert.Equal(batchStart, result.TornTail!.Offset);
    }
}
