using System.Security.Cryptography;
using AmduatFs.Store.Chunking;

namespace AmduatFs.Store.Tests.Chunking;

public sealed class FastCdc2020VectorTests
{
    public static TheoryData<ulong> Seeds => [0UL, 666UL];

    [Fact]
    public void VectorFileHasBothSeedsAndTheDocumentedInput()
    {
        var expected = FastCdc2020Vectors.Expected();
        Assert.Equal([0UL, 666UL], expected.Keys.Order());
        byte[] input = FastCdc2020Vectors.Input();
        Assert.Equal(109_466, input.Length);
        Assert.Equal("d9e749d9367fc908876749d6502eb212fee88c9a94892fb07da5ef3ba8bc39ed",
            Convert.ToHexStringLower(SHA256.HashData(input)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FindBoundaryReproducesOffsetsLengthsDigestsAndFingerprints(ulong seed)
    {
        byte[] input = FastCdc2020Vectors.Input();
        var chunker = new FastCdc2020(VectorParameters(seed));

        var actual = new List<FastCdc2020Vectors.Chunk>();
        int offset = 0;
        while (offset < input.Length)
        {
            int length = chunker.FindBoundary(input.AsSpan(offset), isFinal: true, out ulong fingerprint);
            string sha = Convert.ToHexStringLower(SHA256.HashData(input.AsSpan(offset, length)));
            actual.Add(new FastCdc2020Vectors.Chunk(offset, length, sha, fingerprint));
            offset += length;
        }

        Assert.Equal(FastCdc2020Vectors.Expected()[seed], actual);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SplitAndStreamAgreeWithTheVectors(ulong seed)
    {
        byte[] input = FastCdc2020Vectors.Input();
        var expected = FastCdc2020Vectors.Expected()[seed].Select(c => (c.Offset, c.Length)).ToList();

        var lengths = new List<int>();
        new FastCdc2020(VectorParameters(seed)).Split(input, lengths);
        Assert.Equal(expected.Select(c => c.Length), lengths);

        using var stream = new MemoryStream(input);
        Assert.Equal(expected, FastCdc2020.Chunks(stream, VectorParameters(seed)).ToList());
    }

    private static ChunkerParameters VectorParameters(ulong seed) =>
        new(FastCdc2020Vectors.Min, FastCdc2020Vectors.Avg, FastCdc2020Vectors.Max, seed);
}
