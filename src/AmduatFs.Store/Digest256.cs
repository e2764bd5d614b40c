using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AmduatFs.Store;

/// <summary>A 32-byte SHA-256 digest held inline, for chunk and block identities (internal to the store).</summary>
public readonly struct Digest256 : IEquatable<Digest256>, IComparable<Digest256>
{
    public const int Length = 32;
    private readonly ulong _a, _b, _c, _d;

    public Digest256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length) throw new ArgumentException($"a SHA-256 digest is 32 bytes, got {bytes.Length}", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public static Digest256 Of(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Length];
        SHA256.HashData(data, digest);
        return new Digest256(digest);
    }

    public static Digest256 Parse(string hex) => new(Convert.FromHexString(hex));

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public bool Equals(Digest256 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;
    public override bool Equals(object? obj) => obj is Digest256 other && Equals(other);
    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);

    public int CompareTo(Digest256 other)
    {
        int c = _a.CompareTo(other._a);
        if (c != 0) return c;
        c = _b.CompareTo(other._b);
        if (c != 0) return c;
        c = _c.CompareTo(other._c);
        return c != 0 ? c : _d.CompareTo(other._d);
    }

    public static bool operator ==(Digest256 x, Digest256 y) => x.Equals(y);
    public static bool operator !=(Digest256 x, Digest256 y) => !x.Equals(y);
}
