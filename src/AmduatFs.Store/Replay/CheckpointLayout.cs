namespace AmduatFs.Store.Replay;

/// <summary>The checkpoint file layout (docs/format.md). All integers little-endian.</summary>
internal static class CheckpointLayout
{
    public static ReadOnlySpan<byte> Magic => "ASLCKPT1"u8;
    public const uint SupportedVersion = 1;

    /// <summary>Fixed header fields; the sections follow at <see cref="Sections"/>.</summary>
    public static class Offset
    {
        public const int Magic = 0;
        public const int Version = 8;
        public const int LastLogseq = 12;
        public const int LastRecordHash = 20;
        public const int LogByteOffset = 52;
        public const int NextSnapshotId = 60;
        public const int NextSegmentId = 68;
        public const int NextDomainId = 76;
        public const int Sections = 80;
    }

    public static class Length
    {
        public const int Magic = 8;
        public const int Digest = 32;
        public const int Trailer = 32;
        public const int MaxText = ushort.MaxValue;

        /// <summary>Header, five empty sections (a u32 count each) and the trailer.</summary>
        public const int Smallest = Offset.Sections + 5 * sizeof(uint) + Trailer;
    }

    /// <summary><c>lifted_at</c> of a tombstone no lift has cancelled; no record has logseq 0.</summary>
    public const ulong NotLifted = 0;
}
