namespace AmduatFs.Store.Log;

/// <summary>One ENC/ASL-LOG/1 record as read from disk, with its chain hash already verified.</summary>
public sealed record LogRecord(ulong Logseq, uint Type, ReadOnlyMemory<byte> Payload, Digest256 Hash, long FileOffset);
