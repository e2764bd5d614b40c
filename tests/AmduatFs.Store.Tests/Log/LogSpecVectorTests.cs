using AmduatFs.Store.Log;

namespace AmduatFs.Store.Tests.Log;

/// <summary>The vectors of amduat-spec-notes §18.3 and the worked example of docs/format.md "Log".</summary>
public sealed class LogSpecVectorTests
{
    private const string HeaderHex = "41534c4c4f473031" + "01000000" + "18000000" + "0000000000000000";

    [Fact]
    public void NewLogStartsWithTheV1Header()
    {
        using var log = new LogTestFile();
        using (LogWriter.Open(log.Path, LogPosition.Empty)) { }

        Assert.Equal(HeaderHex, Convert.ToHexStringLower(log.Bytes));
        Assert.Equal("ASLLOG01"u8.ToArray(), log.Bytes[..8]);
    }

    [Theory]
    [InlineData("", "46df2c1aa650afa24b674228dbd7f6df4e61f86e5f06182cc98237ccb8a52840")]
    [InlineData("0102", "27d806310ff6382420ea62c12d966853cb1fd20019c843948fa67f2350567475")]
    public void FirstRecordHashMatchesTheSpecVector(string payloadHex, string expectedHash)
    {
        byte[] payload = Convert.FromHexString(payloadHex);
        var record = new byte[LogFormat.Record.Length.Overhead + payload.Length];

        var hash = LogRecordEnvelope.Write(record, 1, 0x01, payload, default);

        Assert.Equal(expectedHash, hash.ToString());
        using var log = new LogTestFile { Bytes = [.. Convert.FromHexString(HeaderHex), .. record] };
        var (records, result) = log.Scan();
        Assert.Equal(expectedHash, Assert.Single(records).Hash.ToString());
        Assert.Equal(payload, records[0].Payload.ToArray());
        Assert.Null(result.TornTail);
    }

    [Fact]
    public void WorkedExampleFromTheFormatDocument()
    {
        using var log = new LogTestFile();
        var segmentHash = Digest256.Parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        var written = Assert.Single(log.Append(new SegmentSeal(1, segmentHash)));

        Assert.Equal(
            HeaderHex
            + "0100000000000000" + "01000000" + "28000000"
            + "0100000000000000" + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            + "a2833c432960014c7119aeb9115bca37d611a4c6cd0fe9fb9b31ea51982a745c",
            Convert.ToHexStringLower(log.Bytes));
        Assert.Equal(new LogPosition(112, 1, written.Hash), log.Scan().Result.End);
        Assert.Equal(24, written.FileOffset);
    }
}
