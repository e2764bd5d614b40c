using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

/// <summary>Scans that start from a checkpoint's (offset, logseq, hash) instead of the header.</summary>
public sealed class LogReaderResumeTests
{
    private static LogTestFile FiveRecords() => LogTestFile.With(
        [new DomainCreate(LogSamples.Photos, "photos"), new StagingRoot(LogSamples.Photos, LogSamples.Ref(1))],
        [new SegmentSeal(1, LogSamples.Digest(2))],
        [new Tombstone(LogSamples.Photos, LogSamples.Ref(3)), new SnapshotAnchor(LogSamples.Photos, 1, "first", LogSamples.Ref(4), 5)]);

    [Fact]
    public void ResumingAtAnyRecordBoundaryEqualsTheTailOfAFullScan()
    {
        using var log = FiveRecords();
        var (all, full) = log.Scan();

        for (int k = 0; k <= all.Count; k++)
        {
            var resume = k == 0 ? LogPosition.AfterHeader : new LogPosition(all[k - 1].FileOffset + 48 + all[k - 1].Payload.Length, all[k - 1].Logseq, all[k - 1].Hash);

            var (records, result) = log.Scan(resume);

            LogAssert.SameRecords(all.Skip(k), records);
            Assert.Equal(full, result);
        }
    }

    [Fact]
    public void ResumingBeforeATornTailReportsIt()
    {
        using var log = FiveRecords();
        var (all, _) = log.Scan();
        var fourth = all[3];
        log.ShrinkSize(10);

        var (records, result) = log.Scan(new LogPosition(fourth.FileOffset + 48 + fourth.Payload.Length, 4, fourth.Hash));

        Assert.Empty(records);
        Assert.Equal(4ul, result.End.Logseq);
        Assert.Equal(all[4].FileOffset, result.TornTail!.Offset);
    }

    [Fact]
    public void ResumePointWhoseHashTheFileDoesNotCarryIsDamage()
    {
        using var log = FiveRecords();
        var (all, _) = log.Scan();
        var second = all[1];
        long end = second.FileOffset + 48 + second.Payload.Length;

        var (records, error) = log.ScanExpectingDamage(new LogPosition(end, 2, all[0].Hash));

        Assert.Empty(records);
        Assert.Equal("logseq 2", error.ObjectId);
        Assert.Equal(end - 32, error.Offset);
        Assert.Equal($"the record ending at the resume point carries hash {second.Hash}, not the resume point's {all[0].Hash}", error.Reason);
    }

    [Fact]
    public void ResumePointPastTheEndOfTheFileIsDamage()
    {
        using var log = FiveRecords();
        var (all, result) = log.Scan();
        log.ShrinkSize(all[4].Payload.Length + 48);

        var (_, error) = log.ScanExpectingDamage(result.End);

        Assert.Equal("logseq 5", error.ObjectId);
        Assert.Equal($"the file ends at byte {all[4].FileOffset}, before the resume point at byte {result.End.Offset}", error.Reason);
    }

    public static TheoryData<LogPosition> ImpossiblePositions => new()
    {
        LogPosition.Empty,
        new LogPosition(24, 0, LogSamples.Digest(1)),
        new LogPosition(30, 0, default),
        new LogPosition(71, 1, default),
        new LogPosition(24 + 48 * 2 - 1, 2, default),
    };

    [Theory]
    [MemberData(nameof(ImpossiblePositions))]
    public void ResumePointNoScanCouldReturnIsACallerError(LogPosition resume)
    {
        using var log = FiveRecords();

        var error = Assert.Throws<ArgumentException>(() => log.Scan(resume));

        Assert.Equal("resumeFrom", error.ParamName);
    }

    [Fact]
    public void ResumingStillChecksTheHeader()
    {
        using var log = FiveRecords();
        var (_, result) = log.Scan();
        log.IncrementByte(8, 1);

        var (_, error) = log.ScanExpectingDamage(result.End);

        Assert.Equal("header", error.ObjectId);
        Assert.Equal("version is 2; only version 1 is supported", error.Reason);
    }
}
