namespace AmduatFs.Store.Chunking;

/// <summary>
/// The FastCDC paper's spread masks: the mask for 2^b has b one-bits spread over bits 12..47, so a
/// cut test looks at a wide window of the gear hash. Normalisation level 2 with avg 2^b uses the
/// mask for 2^(b+2) before the average point and the one for 2^(b-2) after it.
/// </summary>
internal static class NormalizedMasks
{
    public const int NormalizationLevel = 2;

    // Index = log2 of the chunk size the mask targets. Entries 5..25 are the paper's table (as
    // published in fastcdc-rs and buildbuddy fastcdc2020); 26..28 are this project's extension,
    // each adding the highest still-clear bit below bit 48, so averages up to 64 MiB have masks.
    private static readonly ulong[] ByBits =
    [
        0, 0, 0, 0, 0,
        0x0000_0000_0180_4110, // 5
        0x0000_0000_0180_3110, // 6
        0x0000_0000_1803_5100, // 7
        0x0000_0018_0003_5300, // 8
        0x0000_0190_0035_3000, // 9
        0x0000_5900_0353_0000, // 10
        0x0000_d900_0353_0000, // 11
        0x0000_d901_0353_0000, // 12
        0x0000_d903_0353_0000, // 13
        0x0000_d903_1353_0000, // 14
        0x0000_d90f_0353_0000, // 15
        0x0000_d903_0353_7000, // 16
        0x0000_d907_0353_7000, // 17
        0x0000_d907_0753_7000, // 18
        0x0000_d917_0753_7000, // 19
        0x0000_d917_4753_7000, // 20
        0x0000_d917_6753_7000, // 21
        0x0000_d937_6753_7000, // 22
        0x0000_d937_7753_7000, // 23
        0x0000_d937_7757_7000, // 24
        0x0000_db37_7757_7000, // 25
        0x0000_fb37_7757_7000, // 26
        0x0000_ff37_7757_7000, // 27
        0x0000_ffb7_7757_7000, // 28
    ];

    public const int SmallestBits = 5;
    public static int LargestBits => ByBits.Length - 1;

    public static ulong ForBits(int bits)
    {
        if (bits < SmallestBits || bits > LargestBits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"no FastCDC mask for 2^{bits}");
        return ByBits[bits];
    }

    /// <summary>The harder-to-match mask used from Min up to the average point.</summary>
    public static ulong Small(int averageBits) => ForBits(averageBits + NormalizationLevel);

    /// <summary>The easier-to-match mask used from the average point up to Max.</summary>
    public static ulong Large(int averageBits) => ForBits(averageBits - NormalizationLevel);
}
