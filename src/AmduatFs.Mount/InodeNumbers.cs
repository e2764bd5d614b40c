using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AmduatFs.Mount;

/// <summary>
/// Deterministic st_ino values: a root is named by its parts (domain, space, snapshot ...), a child by its
/// parent's number and its name, each hashed with SHA-256 and cut to 64 bits. 0 and 1 are never produced.
/// </summary>
internal static class InodeNumbers
{
    public static ulong Root(params string[] parts) => FromDigest(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))));

    public static ulong Child(ulong parent, ReadOnlySpan<byte> name)
    {
        byte[] input = new byte[8 + name.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(input, parent);
        name.CopyTo(input.AsSpan(8));
        return FromDigest(SHA256.HashData(input));
    }

    private static ulong FromDigest(ReadOnlySpan<byte> digest)
    {
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        return value < 2 ? value + 2 : value;
    }
}
