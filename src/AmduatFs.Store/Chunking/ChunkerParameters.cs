using System.Numerics;

namespace AmduatFs.Store.Chunking;

/// <summary>
/// Sizes and seed of FastCDC-2020 chunking (normalisation level 2). Chunks are at least
/// <see cref="Min"/> bytes (except a stream's last one), at most <see cref="Max"/> bytes, and
/// about <see cref="Avg"/> bytes on average; a non-zero <see cref="Seed"/> changes every cut point.
/// </summary>
public readonly record struct ChunkerParameters(int Min, int Avg, int Max, ulong Seed)
{
    /// <summary>The store's default average chunk size, 512 KiB.</summary>
    public const int DefaultAverage = 512 * 1024;

    public const int SmallestAverage = 256;
    public const int LargestAverage = 64 * 1024 * 1024;
    public const int SmallestMin = 64;
    public const int LargestMax = 256 * 1024 * 1024;

    /// <summary>The store's default shape: min = avg/4, max = 4·avg.</summary>
    public static ChunkerParameters ForAverage(int avg, ulong seed = 0)
    {
        if (!IsPowerOfTwoInRange(avg))
            throw new ArgumentException(AverageMessage(avg), nameof(avg));
        return new ChunkerParameters(avg / 4, avg, avg * 4, seed);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first size that is out of bounds.</summary>
    public void Validate()
    {
        if (!IsPowerOfTwoInRange(Avg))
            throw new ArgumentException(AverageMessage(Avg));
        if (Min < SmallestMin)
            throw new ArgumentException($"chunker min {Min} is below the smallest allowed min {SmallestMin}");
        // An even min keeps every non-final chunk at least Min bytes: the scan starts on a byte pair.
        if (Min % 2 != 0)
            throw new ArgumentException($"chunker min {Min} must be even");
        if (Min >= Avg)
            throw new ArgumentException($"chunker min {Min} must be less than avg {Avg}");
        if (Max <= Avg)
            throw new ArgumentException($"chunker max {Max} must be greater than avg {Avg}");
        if (Max > LargestMax)
            throw new ArgumentException($"chunker max {Max} exceeds the largest allowed max {LargestMax} (256 MiB)");
    }

    internal int AverageBits => BitOperations.Log2((uint)Avg);

    private static bool IsPowerOfTwoInRange(int avg) =>
        avg is >= SmallestAverage and <= LargestAverage && BitOperations.IsPow2(avg);

    private static string AverageMessage(int avg) =>
        $"chunker avg {avg} must be a power of two from {SmallestAverage} to {LargestAverage} (64 MiB)";
}
