using AmduatFs.Store.Files;
using System.Buffers.Binary;
using System.Security.Cryptography;
using AmduatFs.Store.Blocks;

namespace AmduatFs.Store.Tests.Blocks;

/// <summary>Helpers that write real blocks, and hand-build raw ones for byte surgery.</summary>
internal static class BlockFiles
{
    public static (Digest256 Id, List<BlockChunk> Chunks) Write(string path, params byte[][] chunks)
    {
        using var writer = new BlockWriter(path + ".tmp");
        foreach (var chunk in chunks) writer.Append(Digest256.Of(chunk), chunk);
        var written = writer.Chunks.ToList();
        var id = writer.Finish();
        DurableFile.RenameIntoPlace(path + ".tmp", path);
        return (id, written);
    }

    /// <summary>Builds a block file from raw parts; returns its bytes and the SHA-256 of its table.</summary>
    public static (byte[] Bytes, Digest256 TableHash) Build(byte[] data, (ulong Offset, uint Length)[] entries,
        byte[]? chunkHashSource = null, ulong? tableOffset = null, uint? crc = null,
        uint version = 1, uint headerSize = 16, uint reserved = 0)
    {
        var bytes = new List<byte>();
        bytes.AddRange("ASLBLK01"u8.ToArray());
        bytes.AddRange(LittleEndian32(version));
        bytes.AddRange(LittleEndian32(headerSize));
        bytes.AddRange(data);
        var table = new List<byte>(LittleEndian32((uint)entries.Length));
        foreach (var (offset, length) in entries)
        {
            table.AddRange(SHA256.HashData(chunkHashSource ?? []));
            var field = new byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(field, offset);
            table.AddRange(field);
            table.AddRange(LittleEndian32(length));
        }
        ulong actualTableOffset = (ulong)bytes.Count;
        bytes.AddRange(table);
        var footer = new byte[24];
        BinaryPrimitives.WriteUInt64LittleEndian(footer, tableOffset ?? actualTableOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(footer.AsSpan(8), crc ?? Crc32C.Compute(table.ToArray()));
        BinaryPrimitives.WriteUInt32LittleEndian(footer.AsSpan(12), reserved);
        "ASLBLKFT"u8.CopyTo(footer.AsSpan(16));
        bytes.AddRange(footer);
        return (bytes.ToArray(), Digest256.Of(table.ToArray()));
    }

    private static byte[] LittleEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }
}
