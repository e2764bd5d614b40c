using System.Buffers.Binary;
using AmduatFs.Core;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>The fixed header and footer around a block's chunk bytes and chunk table.</summary>
internal static class BlockEnvelope
{
    public static void WriteHeader(Span<byte> destination)
    {
        HeaderMagic.CopyTo(destination.Slice(Header.Offset.Magic, Header.Length.Magic));
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Header.Offset.Version, Header.Length.Version), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Header.Offset.HeaderSize, Header.Length.HeaderSize), Header.Length.Total);
    }

    /// <exception cref="CorruptDataException">wrong magic, version or header size.</exception>
    public static void ValidateHeader(ReadOnlySpan<byte> header, string blockId)
    {
        if (!header.Slice(Header.Offset.Magic, Header.Length.Magic).SequenceEqual(HeaderMagic))
            throw Corrupt(blockId, $"header magic is {Convert.ToHexStringLower(header[..Header.Length.Magic])}, not \"ASLBLK01\"", Header.Offset.Magic);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(Header.Offset.Version, Header.Length.Version));
        if (version != FormatVersion)
            throw Corrupt(blockId, $"version is {version}; only {FormatVersion} is known", Header.Offset.Version);
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(Header.Offset.HeaderSize, Header.Length.HeaderSize));
        if (headerSize != Header.Length.Total)
            throw Corrupt(blockId, $"header_size is {headerSize}; version {FormatVersion} headers are {Header.Length.Total} bytes", Header.Offset.HeaderSize);
    }

    public static void WriteFooter(Span<byte> destination, ulong tableOffset, uint tableCrc)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(Footer.Offset.TableOffset, Footer.Length.TableOffset), tableOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Footer.Offset.TableCrc, Footer.Length.TableCrc), tableCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(Footer.Offset.Reserved, Footer.Length.Reserved), 0);
        FooterMagic.CopyTo(destination.Slice(Footer.Offset.Magic, Footer.Length.Magic));
    }

    /// <exception cref="CorruptDataException">wrong magic or a non-zero reserved field.</exception>
    public static (ulong TableOffset, uint TableCrc) ReadFooter(ReadOnlySpan<byte> footer, long footerOffset, string blockId)
    {
        if (!footer.Slice(Footer.Offset.Magic, Footer.Length.Magic).SequenceEqual(FooterMagic))
            throw Corrupt(blockId, $"footer magic is {Convert.ToHexStringLower(footer.Slice(Footer.Offset.Magic, Footer.Length.Magic))}, not \"ASLBLKFT\"", footerOffset + Footer.Offset.Magic);
        uint reserved = BinaryPrimitives.ReadUInt32LittleEndian(footer.Slice(Footer.Offset.Reserved, Footer.Length.Reserved));
        if (reserved != 0)
            throw Corrupt(blockId, $"footer reserved field is 0x{reserved:x8}; it must be 0", footerOffset + Footer.Offset.Reserved);
        return (BinaryPrimitives.ReadUInt64LittleEndian(footer.Slice(Footer.Offset.TableOffset, Footer.Length.TableOffset)),
                BinaryPrimitives.ReadUInt32LittleEndian(footer.Slice(Footer.Offset.TableCrc, Footer.Length.TableCrc)));
    }

    public static CorruptDataException Corrupt(string blockId, string reason, long offset) =>
        new("block", blockId, reason, offset: offset);
}
