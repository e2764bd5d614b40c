using AmduatFs.Store.Chunking;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class ChunkerParametersTests
{
    [Fact]
    public void ForAverageGivesQuarterAndFourTimes()
    {
        var p = ChunkerParameters.ForAverage(ChunkerParameters.DefaultAverage, seed: 9);
        Assert.Equal(new ChunkerParameters(128 * 1024, 512 * 1024, 2 * 1024 * 1024, 9), p);
        p.Validate();
    }

    [Theory]
    [InlineData(256)]
    [InlineData(64 * 1024 * 1024)]
    public void ExtremeAveragesAreAcceptedAndChunk(int avg)
    {
        var p = ChunkerParameters.ForAverage(avg);
        var chunker = new FastCdc2020(p);
        byte[] data = ChunkingTestData.RandomBytes(avg, 4096);
        Assert.Equal(data.Length, ChunkingTestData.Split(p, data).Sum());
        Assert.Equal(p, chunker.Parameters);
    }

    [Fact]
    public void VectorParametersWithMaxNotFourTimesAvgAreValid() =>
        new ChunkerParameters(4096, 16384, 65535, 0).Validate();

    [Theory]
    [InlineData(128, "must be a power of two")]
    [InlineData(3000, "must be a power of two")]
    [InlineData(128 * 1024 * 1024, "must be a power of two")]
    public void ForAverageRejectsBadAverages(int avg, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ChunkerParameters.ForAverage(avg));
        Assert.Contains(message, e.Message);
        Assert.Contains(avg.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Theory]
    [InlineData(1024, 3000, 8192, "avg 3000 must be a power of two")]
    [InlineData(32, 256, 1024, "min 32 is below the smallest allowed min 64")]
    [InlineData(1025, 4096, 8192, "min 1025 must be even")]
    [InlineData(4096, 4096, 8192, "min 4096 must be less than avg 4096")]
    [InlineData(1024, 4096, 4096, "max 4096 must be greater than avg 4096")]
    [InlineData(1 << 24, 1 << 26, (1 << 28) + 2, "exceeds the largest allowed max")]
    public void ValidateNamesTheOffendingSize(int min, int avg, int max, string message)
    {
        var p = new ChunkerParameters(min, avg, max, 0);
        var e = Assert.Throws<ArgumentException>(p.Validate);
        Assert.Contains(message, e.Message);
        Assert.Throws<ArgumentException>(() => new FastCdc2020(p));
    }
}
