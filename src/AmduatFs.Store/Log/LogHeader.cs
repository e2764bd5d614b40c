using System.Buffers.Binary;
using static AmduatFs.Store.Log.LogFormat.Header;

namespace AmduatFs.Store.Log;

/// <summary>The 24-byte ENC/ASL-LOG/1 file header. In v1 every field has exactly one valid value.</summary>
internal static class LogHeader
{
    public static void Write(Span<byte> destination)
    {
        LogFormat.Magic.CopyTo(destination[Offset.Magic..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Offset.Version..], LogFormat.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[Offset.HeaderSize..], Length.Total);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[Offset.Flags..], LogFormat.Flags);
    }

    /// <summary>Checks a complete header.</summary>
    /// <exception cref="AmduatFs.Core.CorruptDataException">any field differs from v1's.</exception>
    public static void Check(ReadOnlySpan<byte> header)
    {
        if (!header[Offset.Magic..Offset.Version].SequenceEqual(LogFormat.Magic))
            LogDamage.Header($"magic is {Convert.ToHexStringLower(header[..Length.Magic])}; an ENC/ASL-LOG/1 file starts with \"ASLLOG01\"", Offset.Magic);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[Offset.Version..]);
        if (version != LogFormat.Version)
            LogDamage.Header($"version is {version}; only version {LogFormat.Version} is supported", Offset.Version);
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(header[Offset.HeaderSize..]);
        if (headerSize != Length.Total)
            LogDamage.Header($"header_size is {headerSize}; version 1 headers are exactly {Length.Total} bytes", Offset.HeaderSize);
        ulong flags = BinaryPrimitives.ReadUInt64LittleEndian(header[Offset.Flags..]);
        if (flags != LogFormat.Flags)
            LogDamage.Header($"flags are 0x{flags:x16}; version 1 defines none", Offset.Flags);
    }

    /// <summary>
    /// Checks the bytes of a header cut short. They are a torn header only if they are a prefix of the one
    /// valid v1 header; anything else was never written by a v1 writer.
    /// </summary>
    /// <exception cref="AmduatFs.Core.CorruptDataException">a byte differs from the v1 header.</exception>
    public static void CheckPrefix(ReadOnlySpan<byte> prefix)
    {
        Span<byte> expected = stackalloc byte[Length.Total];
        Write(expected);
        int differs = prefix.CommonPrefixLength(expected);
        if (differs < prefix.Length)
            LogDamage.Header($"the file is {prefix.Length} bytes, shorter than a header, and byte {differs} ({FieldAt(differs)}) is 0x{prefix[differs]:x2} where a v1 header has 0x{expected[differs]:x2}", differs);
    }

    private static string FieldAt(int offset) => offset switch
    {
        < Offset.Version => "magic",
        < Offset.HeaderSize => "version",
        < Offset.Flags => "header_size",
        _ => "flags",
    };
}
