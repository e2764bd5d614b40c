using System.Buffers.Binary;
using AmduatFs.Core;
using static AmduatFs.Store.Blocks.BlockLayout;

namespace AmduatFs.Store.Blocks;

/// <summary>
/// The chunk table: <c>u32 chunk_count ‖ chunk_count × (u8[32] sha256 ‖ u64 offset ‖ u32 length)</c>.
/// Its SHA-256 is the block id.
/// </summary>
internal static class ChunkTableCodec
{
    public static byte[] Encode(IReadOnlyList<BlockChunk> chunks)
    {
        var table = new byte[checked((int)ChunkTable.SizeFor(chunks.Count))];
        BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(ChunkTable.Offset.Count, ChunkTable.Length.Count), (uint)chunks.Count);
        var entries = table.AsSpan(ChunkTable.Offset.FirstEntry);
        foreach (var chunk in chunks)
        {
            chunk.Hash.WriteTo(entries.Slice(ChunkTable.EntryOffset.Hash, ChunkTable.Length.Hash));
            BinaryPrimitives.WriteUInt64LittleEndian(entries.Slice(ChunkTable.EntryOffset.ChunkOffset, ChunkTable.Length.ChunkOffset), chunk.Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entries.Slice(ChunkTable.EntryOffset.ChunkLength, ChunkTable.Length.ChunkLength), chunk.Length);
            entries = entries[ChunkTable.Length.Entry..];
        }
        return table;
    }

    /// <summary>
    /// Decodes a table that starts at file offset <paramref name="tableOffset"/>: the chunks must tile the
    /// bytes from the header's end to the table exactly, in order, each at least one byte long.
    /// </summary>
    /// <exception cref="CorruptDataException">any rule is broken.</exception>
    public static BlockChunk[] Decode(ReadOnlySpan<byte> table, long tableOffset, string blockId)
    {
        if (table.Length < ChunkTable.Length.Count)
            throw BlockEnvelope.Corrupt(blockId, $"chunk table is {table.Length} bytes; it needs at least {ChunkTable.Length.Count}", tableOffset);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(ChunkTable.Offset.Count, ChunkTable.Length.Count));
        if (count == 0)
            throw BlockEnvelope.Corrupt(blockId, "chunk table is empty; a block holds at least one chunk", tableOffset);
        long expectedLength = ChunkTable.SizeFor(count);
        if (table.Length != expectedLength)
            throw BlockEnvelope.Corrupt(blockId, $"chunk table declares {count} chunks ({expectedLength} bytes) but is {table.Length} bytes", tableOffset);

        var chunks = new BlockChunk[count];
        long next = Header.Length.Total;
        var entries = table[ChunkTable.Offset.FirstEntry..];
        for (int i = 0; i < chunks.Length; i++)
        {
            long entryOffset = tableOffset + ChunkTable.Offset.FirstEntry + (long)i * ChunkTable.Length.Entry;
            var entry = entries.Slice(i * ChunkTable.Length.Entry, ChunkTable.Length.Entry);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(entry.Slice(ChunkTable.EntryOffset.ChunkOffset, ChunkTable.Length.ChunkOffset));
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(ChunkTable.EntryOffset.ChunkLength, ChunkTable.Length.ChunkLength));
            if (offset != (ulong)next)
                throw BlockEnvelope.Corrupt(blockId, $"chunk {i} starts at {offset}; chunks are contiguous, so it must start at {next}", entryOffset);
            if (length == 0)
                throw BlockEnvelope.Corrupt(blockId, $"chunk {i} has length 0", entryOffset);
            if (next > MaxChunkOffset)
                throw BlockEnvelope.Corrupt(blockId, $"chunk {i} starts at {next}, beyond the u32 offsets extents can address", entryOffset);
            chunks[i] = new BlockChunk(new Digest256(entry.Slice(ChunkTable.EntryOffset.Hash, ChunkTable.Length.Hash)), (uint)next, length);
            next += length;
        }
        if (next != tableOffset)
            throw BlockEnvelope.Corrupt(blockId, $"chunks end at {next} but the table starts at {tableOffset}", tableOffset);
        return chunks;
    }
}
