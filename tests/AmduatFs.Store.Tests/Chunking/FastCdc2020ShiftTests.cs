using AmduatFs.Store.Chunking;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class FastCdc2020ShiftTests
{
    private static readonly ChunkerParameters Params = ChunkerParameters.ForAverage(16 * 1024);

    [Fact]
    public void InsertingAByteNearTheStartOnlyGrowsTheFirstChunk()
    {
        byte[] original = ChunkingTestData.RandomBytes(21, 1 << 20);
        byte[] edited = Insert(original, at: 100, value: 0xA5);

        var before = ChunkingTestData.Split(Params, original);
        var after = ChunkingTestData.Split(Params, edited);

        Assert.True(before.Count > 20);
        Assert.Equal(before[0] + 1, after[0]);
        Assert.Equal(before.Skip(1), after.Skip(1));
    }

    [Fact]
    public void InsertingAByteInTheMiddleResynchronisesWithinTwoChunks()
    {
        const int at = 500_000;
        byte[] original = ChunkingTestData.RandomBytes(22, 1 << 20);
        byte[] edited = Insert(original, at, value: 0x3C);

        var before = ChunkingTestData.Ends(ChunkingTestData.Split(Params, original));
        var after = ChunkingTestData.Ends(ChunkingTestData.Split(Params, edited));

        Assert.Equal(before.TakeWhile(e => e <= at), after.TakeWhile(e => e <= at));
        var beforeTail = before.Where(e => e > at).Skip(2).Select(e => e + 1).ToList();
        var afterTail = after.Where(e => e > at + 1).ToList();
        Assert.NotEmpty(beforeTail);
        Assert.Equal(beforeTail, afterTail.Skip(afterTail.Count - beforeTail.Count));
        Assert.InRange(afterTail.Count - beforeTail.Count, 1, 3);
    }

    private static byte[] Insert(byte[] data, int at, byte value)
    {
        var edited = new byte[data.Length + 1];
        data.AsSpan(0, at).CopyTo(edited);
        edited[at] = value;
        data.AsSpan(at).CopyTo(edited.AsSpan(at + 1));
        return edited;
    }
}
