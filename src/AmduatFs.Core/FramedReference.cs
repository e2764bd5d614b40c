using System.Buffers.Binary;

namespace AmduatFs.Core;

/// <summary>
/// A reference embedded in another encoding: <c>u16be hash_id ‖ u8 digest_len ‖ digest</c>,
/// so a decoder can delimit digests of hash ids it does not know (docs/format.md, "References").
/// </summary>
public static class FramedReference
{
    public static int SizeOf(Reference reference) => 3 + reference.Digest.Length;

    /// <summary>Size for a SHA-256 reference, the only kind the store writes.</summary>
    public const int Sha256Size = 3 + 32;

    public static int Write(Span<byte> destination, Reference reference)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, reference.HashId.Value);
        destination[2] = (byte)reference.Digest.Length;
        reference.Digest.CopyTo(destination[3..]);
        return SizeOf(reference);
    }

    /// <exception cref="FormatException">truncated input, hash id 0x0000 or a wrong digest length.</exception>
    public static Reference Read(ReadOnlySpan<byte> source, out int consumed)
    {
        if (source.Length < 3) throw new FormatException($"framed reference truncated: {source.Length} of at least 3 bytes");
        var hashId = new HashId(BinaryPrimitives.ReadUInt16BigEndian(source));
        int length = source[2];
        if (source.Length < 3 + length)
            throw new FormatException($"framed reference truncated: digest needs {length} bytes, {source.Length - 3} remain");
        consumed = 3 + length;
        return Reference.Create(hashId, source.Slice(3, length));
    }
}
