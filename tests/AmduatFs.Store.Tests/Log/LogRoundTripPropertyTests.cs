using AmduatFs.Store.Log;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Log;

public sealed class LogRoundTripPropertyTests
{
    [Fact]
    public void RandomBatchesReadBackAsWritten()
    {
        var batches = Gen.ListOf(Gen.ListOf(LogSamples.Payloads).Select(b => b.ToArray())).Select(b => b.ToArray());

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(batches.ToArbitrary(), input =>
        {
            using var log = new LogTestFile();
            var written = new List<LogRecord>();
            LogPosition end;
            using (var writer = LogWriter.Open(log.Path, LogPosition.Empty))
            {
                foreach (var batch in input) written.AddRange(writer.Append(batch));
                end = writer.End;
            }

            var (records, result) = log.Scan();

            LogAssert.SameRecords(written, records);
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (ulong)i), records.Select(r => r.Logseq));
            Assert.Equal(input.SelectMany(b => b), records.Select(r => LogPayloadCodec.Decode(r.Type, r.Payload.Span)));
            Assert.Equal(new LogScanResult(end, null), result);
        }));
    }

    [Fact]
    public void ScanStreamsThroughRecordsLargerThanItsBuffer()
    {
        using var log = LogTestFile.With([.. Enumerable.Range(1, 2000).Select(i => new SegmentSeal((ulong)i, LogSamples.Digest((byte)i)))]);
        byte[] big = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31))];
        log.AppendRaw(0x7F, big);
        log.Append(new SegmentSeal(9999, LogSamples.Digest(9)));

        var (records, result) = log.Scan();

        Assert.Equal(2002, records.Count);
        Assert.Equal(big, records[2000].Payload.ToArray());
        Assert.Equal(new SegmentSeal(1234, LogSamples.Digest(1234 % 256)), LogPayloadCodec.Decode(records[1233].Type, records[1233].Payload.Span));
        Assert.Equal(new FileInfo(log.Path).Length, result.End.Offset);
        Assert.Null(result.TornTail);
    }
}
