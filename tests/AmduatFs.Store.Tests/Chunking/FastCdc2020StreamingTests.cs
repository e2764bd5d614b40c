using AmduatFs.Store.Chunking;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class FastCdc2020StreamingTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(60);

    [Fact]
    public void StreamingWithSmallReadsAndAnyBufferEqualsSplit()
    {
        var cases =
            from dataSeed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(0, 20_000)
            from readSize in Gen.Choose(1, 700)
            from bufferSize in Gen.Choose(1025, 3 * 1024)
            from chunkerSeed in Gen.Elements(0UL, 666UL, ulong.MaxValue)
            select (dataSeed, length, readSize, bufferSize, chunkerSeed);

        Check.One(Quick, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var p = ChunkingTestData.Small(c.chunkerSeed);
            byte[] data = ChunkingTestData.RandomBytes(c.dataSeed, c.length);
            var whole = ChunkingTestData.Split(p, data);

            var streamed = FastCdc2020.Chunks(new TrickleStream(data, c.readSize), p, c.bufferSize).ToList();

            Assert.Equal(whole, streamed.Select(s => s.Length));
            Assert.Equal(ChunkingTestData.Ends(whole).Prepend(0).SkipLast(1), streamed.Select(s => s.Offset));
        }));
    }

    [Fact]
    public void FeedingGrowingPrefixesEqualsSplit()
    {
        var cases =
            from dataSeed in Gen.Choose(0, int.MaxValue)
            from length in Gen.Choose(0, 12_000)
            from step in Gen.Choose(1, 900)
            select (dataSeed, length, step);

        Check.One(Quick, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var p = ChunkingTestData.Small();
            var chunker = new FastCdc2020(p);
            byte[] data = ChunkingTestData.RandomBytes(c.dataSeed, c.length);

            var fed = new List<int>();
            int start = 0, available = 0;
            while (start < data.Length)
            {
                available = Math.Min(available + c.step, data.Length);
                bool isFinal = available == data.Length;
                int length = chunker.FindBoundary(data.AsSpan(start, available - start), isFinal);
                if (length == -1)
                {
                    Assert.False(isFinal);
                    Assert.True(available - start < p.Max);
                    continue;
                }
                Assert.InRange(length, 1, available - start);
                fed.Add(length);
                start += length;
            }

            Assert.Equal(ChunkingTestData.Split(p, data), fed);
        }));
    }

    [Fact]
    public void StreamOffsetsAreRelativeToTheStartingPosition()
    {
        byte[] data = ChunkingTestData.RandomBytes(7, 5000);
        var p = ChunkingTestData.Small();
        using var stream = new MemoryStream(data);

        var chunks = FastCdc2020.Chunks(stream, p).ToList();

        Assert.Equal(ChunkingTestData.Split(p, data), chunks.Select(c => c.Length));
        Assert.Equal(0, chunks[0].Offset);
        Assert.Equal(data.Length, chunks[^1].Offset + chunks[^1].Length);
    }

    [Fact]
    public void EmptyStreamHasNoChunks()
    {
        using var stream = new MemoryStream();
        Assert.Empty(FastCdc2020.Chunks(stream, ChunkerParameters.ForAverage(ChunkerParameters.DefaultAverage)));
    }
}
