using System.Security.Cryptography;

namespace AmduatFs.Core.Tests;

public sealed class ReferenceTests
{
    private static readonly byte[] Sha = SHA256.HashData("amduat"u8);

    [Fact]
    public void Sha256_reference_round_trips_through_text_and_bytes()
    {
        var reference = Reference.Sha256(Sha);
        string text = "0001" + Convert.ToHexStringLower(Sha);

        Assert.Equal(text, reference.ToString());
        Assert.Equal(reference, Reference.Parse(text));
        Assert.Equal(reference, Reference.FromBytes(reference.ToBytes()));
        Assert.Equal(Sha, reference.Digest.ToArray());
        Assert.Equal(34, reference.ByteLength);
    }

    [Fact]
    public void Digests_of_other_lengths_keep_their_bytes()
    {
        byte[] digest = [.. Sha, 0xEE, 0xFF];
        var reference = Reference.Create(new HashId(0x9001), digest);

        Assert.Equal(digest, reference.Digest.ToArray());
        Assert.Equal(reference, Reference.Parse(reference.ToString()));
        Assert.NotEqual(reference, Reference.Create(new HashId(0x9001), Sha));
        Assert.NotEqual(Reference.Create(new HashId(0x9001), Sha), Reference.Sha256(Sha));
    }

    [Fact]
    public void Equal_references_hash_alike_and_order_by_hash_id_then_digest()
    {
        byte[] smaller = (byte[])Sha.Clone();
        smaller[31] = 0;
        byte[] larger = (byte[])Sha.Clone();
        larger[31] = 0xFF;
        var a = Reference.Sha256(smaller);
        var b = Reference.Sha256(larger);

        Assert.Equal(Reference.Sha256(smaller), a);
        Assert.Equal(Reference.Sha256(smaller).GetHashCode(), a.GetHashCode());
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(Reference.Create(new HashId(0x9001), smaller)) < 0);
        Assert.True(a.CompareTo(null) > 0);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0001AB", "only lowercase hex")]
    [InlineData("000", "hex digits")]
    [InlineData("000000", "0x0000 is reserved")]
    [InlineData("000100", "needs a 32-byte digest")]
    public void Malformed_text_is_refused_with_a_reason(string text, string reasonPart)
    {
        Assert.False(Reference.TryParse(text, out _, out string error));
        Assert.Contains(reasonPart, error);
        Assert.Throws<FormatException>(() => Reference.Parse(text));
    }
}
