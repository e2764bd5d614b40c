using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AmduatFs.Core;

/// <summary>
/// The name of an artifact: a hash id plus the digest of the artifact's canonical encoding.
/// Text form: lowercase hex of <c>u16be hash_id ‖ digest</c>, e.g. <c>0001</c> + 64 hex digits.
/// </summary>
public sealed class Reference : IEquatable<Reference>, IComparable<Reference>
{
    public const int MaxDigestLength = 255;

    // A SHA-256 digest lives inline (an index holds one reference per artifact, a tree one per entry: a second
    // object each would cost 56 bytes); other lengths are kept in an array.
    [InlineArray(Sha256Length)]
    private struct InlineDigest
    {
        private byte _first;
    }

    private const int Sha256Length = 32;
    private readonly InlineDigest _inline;
    private readonly byte[]? _other;
    private readonly int _hashCode;

    private Reference(HashId hashId, ReadOnlySpan<byte> digest)
    {
        HashId = hashId;
        if (digest.Length == Sha256Length) digest.CopyTo(_inline);
        else _other = digest.ToArray();
        _hashCode = digest.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(digest) ^ hashId.Value : hashId.Value;
    }

    public HashId HashId { get; }
    public ReadOnlySpan<byte> Digest => _other is { } other ? other : _inline;

    /// <summary>Length of the bare ReferenceBytes (hash id + digest).</summary>
    public int ByteLength => 2 + Digest.Length;

    /// <exception cref="FormatException">hash id 0x0000, or a digest length the registry forbids.</exception>
    public static Reference Create(HashId hashId, ReadOnlySpan<byte> digest)
    {
        Validate(hashId, digest.Length);
        return new Reference(hashId, digest);
    }

    public static Reference Sha256(ReadOnlySpan<byte> digest) => Create(HashId.Asl1Sha256, digest);

    /// <summary>Parses the text form strictly: lowercase hex only, even length, valid hash id and digest length.</summary>
    /// <exception cref="FormatException">with a message naming what is wrong.</exception>
    public static Reference Parse(string text)
    {
        if (TryParse(text, out var reference, out var error)) return reference;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out Reference reference) => TryParse(text, out reference, out _);

    public static bool TryParse(string? text, out Reference reference, out string error)
    {
        reference = null!;
        if (string.IsNullOrEmpty(text)) { error = "reference is empty"; return false; }
        if (text.Length < 6 || text.Length % 2 != 0 || text.Length > 2 * (2 + MaxDigestLength))
        {
            error = $"reference '{Shorten(text)}' has {text.Length} hex digits; expected 4 for the hash id plus an even, non-empty digest (68 for SHA-256)";
            return false;
        }
        foreach (char c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                error = $"reference '{Shorten(text)}' contains '{c}'; only lowercase hex digits are allowed";
                return false;
            }
        }
        var bytes = Convert.FromHexString(text);
        var hashId = new HashId(BinaryPrimitives.ReadUInt16BigEndian(bytes));
        string? problem = Problem(hashId, bytes.Length - 2);
        if (problem is not null) { error = $"reference '{Shorten(text)}': {problem}"; return false; }
        reference = new Reference(hashId, bytes.AsSpan(2));
        error = "";
        return true;
    }

    /// <summary>Decodes bare ReferenceBytes (<c>u16be hash_id ‖ digest</c>) whose extent the caller knows.</summary>
    /// <exception cref="FormatException">hash id 0x0000 or a wrong digest length.</exception>
    public static Reference FromBytes(ReadOnlySpan<byte> referenceBytes)
    {
        if (referenceBytes.Length < 3) throw new FormatException($"reference bytes are {referenceBytes.Length} long; at least 3 are needed");
        var hashId = new HashId(BinaryPrimitives.ReadUInt16BigEndian(referenceBytes));
        return Create(hashId, referenceBytes[2..]);
    }

    public void WriteBytes(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, HashId.Value);
        Digest.CopyTo(destination[2..]);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        WriteBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public bool Equals(Reference? other) =>
        other is not null && HashId == other.HashId && Digest.SequenceEqual(other.Digest);

    public override bool Equals(object? obj) => obj is Reference other && Equals(other);
    public override int GetHashCode() => _hashCode;

    public int CompareTo(Reference? other)
    {
        if (other is null) return 1;
        int byId = HashId.Value.CompareTo(other.HashId.Value);
        return byId != 0 ? byId : Digest.SequenceCompareTo(other.Digest);
    }

    public static bool operator ==(Reference? a, Reference? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Reference? a, Reference? b) => !(a == b);

    private static void Validate(HashId hashId, int digestLength)
    {
        string? problem = Problem(hashId, digestLength);
        if (problem is not null) throw new FormatException(problem);
    }

    private static string? Problem(HashId hashId, int digestLength)
    {
        if (hashId == HashId.Reserved) return "hash id 0x0000 is reserved and never valid";
        if (digestLength < 1 || digestLength > MaxDigestLength) return $"digest length {digestLength} is outside 1..{MaxDigestLength}";
        int? known = hashId.KnownDigestLength;
        if (known is not null && known != digestLength)
            return $"hash id {hashId} needs a {known}-byte digest, got {digestLength} bytes";
        return null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
