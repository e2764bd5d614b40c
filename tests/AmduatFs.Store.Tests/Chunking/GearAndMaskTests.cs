using System.Numerics;
using AmduatFs.Store.Chunking;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class GearAndMaskTests
{
    [Fact]
    public void UnseededGearMatchesThePublishedTable()
    {
        var tables = GearTables.ForSeed(0);
        Assert.Equal(0x3b5d3c7d207e37dcUL, tables.Gear[0]);
        Assert.Equal(0x784d68ba91123086UL, tables.Gear[1]);
        Assert.Equal(0xcd52880f882e7298UL, tables.Gear[2]);
        Assert.All(Enumerable.Range(0, 256), i => Assert.Equal(tables.Gear[i] << 1, tables.GearShifted[i]));
    }

    [Fact]
    public void SeedIsXoredIntoBothTables()
    {
        const ulong seed = 0x8000_0000_0000_0001;
        var plain = GearTables.ForSeed(0);
        var seeded = GearTables.ForSeed(seed);
        Assert.Same(seeded, GearTables.ForSeed(seed));
        Assert.All(Enumerable.Range(0, 256), i =>
        {
            Assert.Equal(plain.Gear[i] ^ seed, seeded.Gear[i]);
            Assert.Equal(plain.GearShifted[i] ^ (seed << 1), seeded.GearShifted[i]);
        });
    }

    [Fact]
    public void EachMaskHasAsManyBitsAsItsLog2()
    {
        for (int bits = NormalizedMasks.SmallestBits; bits <= NormalizedMasks.LargestBits; bits++)
            Assert.Equal(bits, BitOperations.PopCount(NormalizedMasks.ForBits(bits)));
        Assert.Equal(28, NormalizedMasks.LargestBits);
    }

    [Fact]
    public void NormalisationLevelTwoUsesMasksTwoLevelsEitherSide()
    {
        Assert.Equal(0x0000_d903_0353_7000UL, NormalizedMasks.Small(14));
        Assert.Equal(0x0000_d901_0353_0000UL, NormalizedMasks.Large(14));
        Assert.Equal(0x0000_d917_6753_7000UL, NormalizedMasks.Small(19));
        Assert.Equal(0x0000_d907_0353_7000UL, NormalizedMasks.Large(19));
    }
}
