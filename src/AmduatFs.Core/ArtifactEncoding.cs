using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AmduatFs.Core;

/// <summary>
/// ArtifactBytes, the canonical encoding an artifact's reference is the hash of
/// (docs/format.md, "ArtifactBytes"):
/// <c>u8 has_type_tag (0|1) ‖ [u32be type_tag] ‖ u64be length ‖ bytes</c>.
/// The length precedes the bytes, so the reference is computed in one streaming pass.
/// </summary>
public static class ArtifactEncoding
{
    public const int MaxHeaderLength = 1 + 4 + 8;

    public static int HeaderLength(uint? typeTag) => typeTag is null ? 9 : 13;

    public static int WriteHeader(Span<byte> destination, uint? typeTag, ulong length)
    {
        int offset = 0;
        if (typeTag is uint tag)
        {
            destination[offset++] = 1;
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], tag);
            offset += 4;
        }
        else
        {
            destination[offset++] = 0;
        }
        BinaryPrimitives.WriteUInt64BigEndian(destination[offset..], length);
        return offset + 8;
    }

    public static byte[] Encode(Artifact artifact)
    {
        var bytes = artifact.Bytes.Span;
        var encoded = new byte[HeaderLength(artifact.TypeTag) + bytes.Length];
        int header = WriteHeader(encoded, artifact.TypeTag, (ulong)bytes.Length);
        bytes.CopyTo(encoded.AsSpan(header));
        return encoded;
    }

    /// <exception cref="FormatException">an unknown presence byte, a truncated header, or a length that disagrees with the input.</exception>
    public static Artifact Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length < 1) throw new FormatException("artifact bytes are empty; a header of 9 or 13 bytes is required");
        byte presence = encoded[0];
        if (presence > 1) throw new FormatException($"artifact type-tag presence byte is 0x{presence:x2}; only 0x00 and 0x01 are defined");
        uint? tag = null;
        int offset = 1;
        if (presence == 1)
        {
            if (encoded.Length < 13) throw new FormatException($"typed artifact header truncated at {encoded.Length} of 13 bytes");
            tag = BinaryPrimitives.ReadUInt32BigEndian(encoded[1..]);
            offset = 5;
        }
        else if (encoded.Length < 9) throw new FormatException($"untyped artifact header truncated at {encoded.Length} of 9 bytes");
        ulong length = BinaryPrimitives.ReadUInt64BigEndian(encoded[offset..]);
        offset += 8;
        ulong remaining = (ulong)(encoded.Length - offset);
        if (length != remaining)
            throw new FormatException($"artifact header declares {length} bytes but {remaining} follow");
        return new Artifact(encoded[offset..].ToArray(), tag);
    }

    public static Reference ComputeReference(ReadOnlySpan<byte> bytes, uint? typeTag)
    {
        using var hasher = new ArtifactHasher(typeTag, (ulong)bytes.Length);
        hasher.Append(bytes);
        return hasher.Finish();
    }
}

/// <summary>Computes a reference while the artifact's bytes stream past; the length must be known up front.</summary>
public sealed class ArtifactHasher : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ulong _declaredLength;
    private ulong _seen;

    public ArtifactHasher(uint? typeTag, ulong length)
    {
        _declaredLength = length;
        Span<byte> header = stackalloc byte[ArtifactEncoding.MaxHeaderLength];
        _sha.AppendData(header[..ArtifactEncoding.WriteHeader(header, typeTag, length)]);
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        _seen += (ulong)bytes.Length;
        if (_seen > _declaredLength)
            throw new InvalidOperationException($"artifact grew past its declared length {_declaredLength}");
        _sha.AppendData(bytes);
    }

    /// <exception cref="InvalidOperationException">fewer bytes were appended than declared (the source changed while read).</exception>
    public Reference Finish()
    {
        if (_seen != _declaredLength)
            throw new InvalidOperationException($"artifact ended after {_seen} of its declared {_declaredLength} bytes");
        Span<byte> digest = stackalloc byte[32];
        _sha.GetHashAndReset(digest);
        return Reference.Sha256(digest);
    }

    public void Dispose() => _sha.Dispose();
}
