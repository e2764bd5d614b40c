using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AmduatFs.Store.Chunking;

/// <summary>
/// The two gear tables of FastCDC-2020 for one seed: <see cref="Gear"/> for the second byte of
/// each pair and <see cref="GearShifted"/> (each entry shifted left by one) for the first.
/// </summary>
internal sealed class GearTables
{
    public const int EntryCount = 256;
    private const int Md5InputLength = 64;

    private static readonly ulong[] UnseededGear = DeriveGear();
    private static readonly ConcurrentDictionary<ulong, GearTables> BySeed = new();

    public ulong[] Gear { get; }
    public ulong[] GearShifted { get; }

    private GearTables(ulong seed)
    {
        Gear = new ulong[EntryCount];
        GearShifted = new ulong[EntryCount];
        for (int i = 0; i < EntryCount; i++)
        {
            Gear[i] = UnseededGear[i] ^ seed;
            GearShifted[i] = (UnseededGear[i] << 1) ^ (seed << 1);
        }
    }

    public static GearTables ForSeed(ulong seed) => BySeed.GetOrAdd(seed, static s => new GearTables(s));

    /// <summary>GEAR[i] = the first 8 bytes, big-endian, of MD5 over 64 bytes that all equal i.</summary>
    private static ulong[] DeriveGear()
    {
        var gear = new ulong[EntryCount];
        Span<byte> input = stackalloc byte[Md5InputLength];
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        for (int i = 0; i < EntryCount; i++)
        {
            input.Fill((byte)i);
            MD5.HashData(input, digest);
            gear[i] = BinaryPrimitives.ReadUInt64BigEndian(digest);
        }
        return gear;
    }
}
