namespace AmduatFs.Store.Blocks;

/// <summary>One entry of a block's chunk table: the chunk's SHA-256 and where its bytes lie in the file.</summary>
internal readonly record struct BlockChunk(Digest256 Hash, uint Offset, uint Length);
