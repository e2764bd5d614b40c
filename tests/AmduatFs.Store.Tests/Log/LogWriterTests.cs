using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

public sealed class LogWriterTests
{
    [Fact]
    public void AppendReturnsTheRecordsAScanReadsBack()
    {
        using var log = new LogTestFile();
        using var writer = LogWriter.Open(log.Path, LogPosition.Empty);

        var first = writer.Append([.. LogSamples.OneOfEach()]);
        var second = writer.Append([new SegmentSeal(2, LogSamples.Digest(2))]);

        var (records, result) = log.Scan();
        LogAssert.SameRecords(first.Concat(second), records);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ulong)i), records.Select(r => r.Logseq));
        Assert.Equal(new LogScanResult(writer.End, null), result);
        Assert.Equal(new FileInfo(log.Path).Length, writer.End.Offset);
        Assert.Equal(LogSamples.OneOfEach(), records.Take(6).Select(r => LogPayloadCodec.Decode(r.Type, r.Payload.Span)));
    }

    [Fact]
    public void EmptyBatchWritesNothing()
    {
        using var log = new LogTestFile();
        using var writer = LogWriter.Open(log.Path, LogPosition.Empty);

        Assert.Empty(writer.Append([]));

        Assert.Equal(LogPosition.AfterHeader, writer.End);
        Assert.Equal(24, log.Bytes.Length);
    }

    [Fact]
    public void ReopeningAfterATornTailTruncatesItAndContinuesTheChain()
    {
        using var log = LogTestFile.With([new DomainCreate(LogSamples.Photos, "photos"), new SegmentSeal(1, LogSamples.Digest(1))]);
        log.ShrinkSize(5);
        var (before, scan) = log.Scan();
        Assert.Equal(83, scan.TornTail!.BytesDropped);

        using (var writer = LogWriter.Open(log.Path, scan.End))
        {
            Assert.Equal(scan.End.Offset, new FileInfo(log.Path).Length);
            var appended = Assert.Single(writer.Append([new SegmentSeal(2, LogSamples.Digest(2))]));
            Assert.Equal(2ul, appended.Logseq);
            Assert.Equal(scan.End.Offset, appended.FileOffset);
        }

        var (after, result) = log.Scan();
        LogAssert.SameRecords(before, after.Take(1));
        Assert.Equal(2ul, result.End.Logseq);
        Assert.Null(result.TornTail);
    }

    [Fact]
    public void OpeningATornHeaderRewritesIt()
    {
        using var log = new LogTestFile { Bytes = "ASLLOG"u8.ToArray() };
        var (_, scan) = log.Scan();

        using (var writer = LogWriter.Open(log.Path, scan.End))
            writer.Append([new SegmentSeal(1, LogSamples.Digest(1))]);

        var (records, result) = log.Scan();
        Assert.Single(records);
        Assert.Null(result.TornTail);
    }

    [Fact]
    public void OpeningPastTheEndOfTheFileIsRefused()
    {
        using var log = LogTestFile.With([new SegmentSeal(1, LogSamples.Digest(1))]);
        var (_, scan) = log.Scan();
        log.ShrinkSize(1);

        var error = Assert.Throws<ArgumentException>(() => LogWriter.Open(log.Path, scan.End));

        Assert.Contains("is 111 bytes, shorter than the valid end 112", error.Message);
        Assert.Equal(111, log.Bytes.Length);
    }

    [Fact]
    public void OpeningAWholeLogAsEmptyIsRefusedRatherThanWipingIt()
    {
        using var log = LogTestFile.With([new SegmentSeal(1, LogSamples.Digest(1))]);

        var error = Assert.Throws<ArgumentException>(() => LogWriter.Open(log.Path, LogPosition.Empty));

        Assert.Contains("is 112 bytes; a scan returns LogPosition.Empty only for files shorter than the 24-byte header", error.Message);
        Assert.Single(log.Scan().Records);
    }

    [Fact]
    public void OpeningAMissingLogAnywhereButEmptyCreatesNothing()
    {
        using var log = new LogTestFile();

        Assert.Throws<FileNotFoundException>(() => LogWriter.Open(log.Path, LogPosition.AfterHeader));
        Assert.Throws<ArgumentException>(() => LogWriter.Open(log.Path, new LogPosition(30, 0, default)));

        Assert.False(File.Exists(log.Path));
    }

    [Fact]
    public void InvalidPayloadIsRefusedBeforeAnythingIsWritten()
    {
        using var log = new LogTestFile();
        using var writer = LogWriter.Open(log.Path, LogPosition.Empty);

        Assert.Throws<ArgumentException>(() => writer.Append([new SegmentSeal(1, LogSamples.Digest(1)), new DomainCreate(DomainId.None, "x")]));

        Assert.Equal(LogPosition.AfterHeader, writer.End);
        Assert.Equal(24, log.Bytes.Length);
        Assert.Single(writer.Append([new SegmentSeal(1, LogSamples.Digest(1))]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(100)]
    public void FailedWriteIsRolledBackAndTheWriterRefusesMore(int bytesThatLanded)
    {
        using var log = LogTestFile.With([new SegmentSeal(1, LogSamples.Digest(1))]);
        var (before, scan) = log.Scan();
        var (writer, file) = FlakyLogFile.Open(log.Path, scan.End);
        using var _ = writer;
        file.FailWriteAfter = bytesThatLanded;

        Assert.Throws<IOException>(() => writer.Append([new SegmentSeal(2, LogSamples.Digest(2)), new SegmentSeal(3, LogSamples.Digest(3))]));

        Assert.Equal(scan.End, writer.End);
        Assert.Equal(scan.End.Offset, log.Bytes.Length);
        file.FailWriteAfter = null;
        Assert.Throws<InvalidOperationException>(() => writer.Append([new SegmentSeal(2, LogSamples.Digest(2))]));
        var (after, result) = log.Scan();
        LogAssert.SameRecords(before, after);
        Assert.Equal(scan, result);
    }

    [Fact]
    public void FailedFsyncIsRolledBack()
    {
        using var log = new LogTestFile();
        var (writer, file) = FlakyLogFile.Open(log.Path, LogPosition.Empty);
        using var _ = writer;
        file.FailFlush = true;

        Assert.Throws<IOException>(() => writer.Append([new SegmentSeal(1, LogSamples.Digest(1))]));

        Assert.Equal(24, log.Bytes.Length);
        Assert.Throws<InvalidOperationException>(() => writer.Append([new SegmentSeal(1, LogSamples.Digest(1))]));
    }

    [Fact]
    public void WhenEvenTheRollbackFailsTheNextScanSeesATornTail()
    {
        using var log = new LogTestFile();
        var (writer, file) = FlakyLogFile.Open(log.Path, LogPosition.Empty);
        using var _ = writer;
        file.FailWriteAfter = 50;
        file.FailSetLength = true;

        var error = Assert.Throws<IOException>(() => writer.Append([new SegmentSeal(1, LogSamples.Digest(1))]));

        Assert.Equal("simulated write failure (ENOSPC)", error.Message);
        var (records, result) = log.Scan();
        Assert.Empty(records);
        Assert.Equal(new LogTornTail(24, 50, "record logseq 1 is torn: 50 of its 88 bytes were written"), result.TornTail);
    }
}
