using AmduatFs.Store.Chunking;

namespace AmduatFs.Store.Tests.Chunking;

internal static class ChunkingTestData
{
    /// <summary>Small sizes so random inputs of a few KiB already cut into many chunks.</summary>
    public static ChunkerParameters Small(ulong seed = 0) => new(64, 256, 1024, seed);

    public static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static List<int> Split(ChunkerParameters p, ReadOnlySpan<byte> data)
    {
        var lengths = new List<int>();
        new FastCdc2020(p).Split(data, lengths);
        return lengths;
    }

    /// <summary>Absolute end offsets of the chunks.</summary>
    public static List<long> Ends(IEnumerable<int> lengths)
    {
        var ends = new List<long>();
        long end = 0;
        foreach (int length in lengths)
            ends.Add(end += length);
        return ends;
    }
}
