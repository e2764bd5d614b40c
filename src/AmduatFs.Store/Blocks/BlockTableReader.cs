using AmduatFs.Store.Files;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// Reads and checks a block file's header, footer and chunk table without touching the chunk bytes:
/// the file's size and the footer agree, the table's CRC matches and its SHA-256 is the expected id.
/// </summary>
internal static class BlockTableReader
{
    private const int SmallestFile = Header.Length.Total + 1 + ChunkTable.Length.Count + ChunkTable.Length.Entry + Footer.Length.Total;

    /// <returns>The chunks, and the file offset where the chunk bytes end and the table begins.</returns>
    /// <exception cref="AmduatFs.Core.CorruptDataException">any check fails.</exception>
    public static (BlockChunk[] Chunks, long TableOffset) Read(SafeFileHandle file, Digest256 expectedId)
    {
        string blockId = expectedId.ToString();
        long fileLength = RandomAccess.GetLength(file);
        if (fileLength < SmallestFile)
            throw BlockEnvelope.Corrupt(blockId, $"file is {fileLength} bytes; the smallest block is {SmallestFile}", fileLength);

        Span<byte> header = stackalloc byte[Header.Length.Total];
        ReadExactly(file, header, 0, blockId);
        BlockEnvelope.ValidateHeader(header, blockId);

        long footerOffset = fileLength - Footer.Length.Total;
        Span<byte> footer = stackalloc byte[Footer.Length.Total];
        ReadExactly(file, footer, footerOffset, blockId);
        var (tableOffsetField, tableCrc) = BlockEnvelope.ReadFooter(footer, footerOffset, blockId);

        long smallestTableOffset = Header.Length.Total + 1;
        if (tableOffsetField < (ulong)smallestTableOffset || tableOffsetField > (ulong)footerOffset)
            throw BlockEnvelope.Corrupt(blockId, $"footer's table_offset {tableOffsetField} lies outside {smallestTableOffset}..{footerOffset} of a {fileLength}-byte file", footerOffset + Footer.Offset.TableOffset);
        long tableOffset = (long)tableOffsetField;
        // Every chunk is at least one byte, so a sound table is never longer than this; checked before allocating.
        long largestTable = Math.Min(Array.MaxLength, ChunkTable.SizeFor(tableOffset - Header.Length.Total));
        if (footerOffset - tableOffset > largestTable)
            throw BlockEnvelope.Corrupt(blockId, $"chunk table would be {footerOffset - tableOffset} bytes, more than {largestTable} for {tableOffset - Header.Length.Total} bytes of chunks", tableOffset);

        var table = new byte[footerOffset - tableOffset];
        ReadExactly(file, table, tableOffset, blockId);
        uint actualCrc = Crc32C.Compute(table);
        if (actualCrc != tableCrc)
            throw BlockEnvelope.Corrupt(blockId, $"chunk table CRC-32C is 0x{actualCrc:x8} but the footer records 0x{tableCrc:x8}", tableOffset);
        var actualId = new Digest256(SHA256.HashData(table));
        if (actualId != expectedId)
            throw BlockEnvelope.Corrupt(blockId, $"chunk table hashes to {actualId}, not to the block's name", tableOffset);
        return (ChunkTableCodec.Decode(table, tableOffset, blockId), tableOffset);
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> destination, long offset, string blockId)
    {
        int read = PositionalRead.ReadAt(file, destination, offset);
        if (read != destination.Length)
            throw BlockEnvelope.Corrupt(blockId, $"file ended after {read} of {destination.Length} bytes", offset + read);
    }
}
