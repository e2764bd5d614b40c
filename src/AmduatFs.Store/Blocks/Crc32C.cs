using System.Buffers.Binary;
using System.Numerics;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// Standard CRC-32C (Castagnoli, reflected; initial value and final xor 0xFFFFFFFF; check value of
/// "123456789" is 0xE3069283). Used by the block and segment footers.
/// </summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        while (data.Length >= sizeof(ulong))
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }
        foreach (byte b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
