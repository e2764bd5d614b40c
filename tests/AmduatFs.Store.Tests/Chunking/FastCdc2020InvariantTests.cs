using AmduatFs.Store.Chunking;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class FastCdc2020InvariantTests
{
    [Fact]
    public void ChunksRespectMinAndMaxAndCoverTheInput()
    {
        var cases =
            from dataSeed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(0, 30_000)
            from lowEntropy in Gen.Elements(false, true)
            select (dataSeed, length, lowEntropy);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var p = ChunkingTestData.Small();
            byte[] data = ChunkingTestData.RandomBytes(c.dataSeed, c.length);
            // Few distinct bytes make cuts rare, so Max is reached and enforced.
            if (c.lowEntropy)
                for (int i = 0; i < data.Length; i++) data[i] &= 0x01;

            var lengths = ChunkingTestData.Split(p, data);

            Assert.Equal(data.Length, lengths.Sum());
            for (int i = 0; i < lengths.Count; i++)
            {
                Assert.InRange(lengths[i], 1, p.Max);
                if (i < lengths.Count - 1)
                    Assert.InRange(lengths[i], p.Min, p.Max);
            }
        }));
    }

    [Fact]
    public void ConstantInputIsCutAtMax()
    {
        var p = ChunkingTestData.Small();
        var lengths = ChunkingTestData.Split(p, new byte[3 * p.Max + 10]);
        Assert.Equal([p.Max, p.Max, p.Max, 10], lengths);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    public void InputOfAtMostMinIsOneChunk(int length)
    {
        var p = ChunkingTestData.Small();
        byte[] data = ChunkingTestData.RandomBytes(length, length);
        var chunker = new FastCdc2020(p);

        Assert.Equal([length], ChunkingTestData.Split(p, data));
        Assert.Equal(length, chunker.FindBoundary(data, isFinal: true));
        Assert.Equal(-1, chunker.FindBoundary(data, isFinal: false));
    }

    [Fact]
    public void EmptyInputGivesZeroWhenFinalAndMinusOneOtherwise()
    {
        var chunker = new FastCdc2020(ChunkingTestData.Small());
        Assert.Equal(0, chunker.FindBoundary([], isFinal: true));
        Assert.Equal(-1, chunker.FindBoundary([], isFinal: false));
        Assert.Empty(ChunkingTestData.Split(ChunkingTestData.Small(), []));
    }

    [Fact]
    public void NonFinalInputOfMaxBytesAlwaysYieldsAChunk()
    {
        var p = ChunkingTestData.Small();
        var chunker = new FastCdc2020(p);
        Assert.Equal(p.Max, chunker.FindBoundary(new byte[p.Max], isFinal: false));
        Assert.Equal(p.Max, chunker.FindBoundary(new byte[p.Max + 500], isFinal: false));
        Assert.Equal(-1, chunker.FindBoundary(new byte[p.Max - 1], isFinal: false));
    }

    [Fact]
    public void SeedChangesTheCuts()
    {
        byte[] data = ChunkingTestData.RandomBytes(11, 1 << 20);
        var unseeded = ChunkingTestData.Split(ChunkerParameters.ForAverage(16 * 1024), data);
        var seeded = ChunkingTestData.Split(ChunkerParameters.ForAverage(16 * 1024, seed: 0x5eed), data);
        Assert.NotEqual(unseeded, seeded);
    }

    [Fact]
    public void AverageChunkSizeIsNearTheRequestedAverage()
    {
        byte[] data = ChunkingTestData.RandomBytes(5, 16 << 20);
        var lengths = ChunkingTestData.Split(ChunkerParameters.ForAverage(64 * 1024), data);
        Assert.InRange(lengths.Average(), 48 * 1024, 96 * 1024);
    }
}
