namespace AmduatFs.Store.Log;

// ENC/ASL-LOG/1 byte layout; docs/format.md, "Log", is the normative description. Every integer is
// little-endian. A file is one header followed by records; nothing pads or separates them.
internal static class LogFormat
{
    public static ReadOnlySpan<byte> Magic => "ASLLOG01"u8;
    public const uint Version = 1;
    public const ulong Flags = 0;

    // Our writer's rule, enforced by the reader: logseqs run 1, 2, 3, ... without gaps.
    public const ulong FirstLogseq = 1;

    // A larger payload_len can only be damage: no record type comes near it.
    public const int MaxPayloadLength = 16 * 1024 * 1024;

    public static class Header
    {
        public static class Length
        {
            public const int Magic = 8;
            public const int Version = 4;
            public const int HeaderSize = 4;
            public const int Flags = 8;
            public const int Total = Magic + Version + HeaderSize + Flags;
        }

        public static class Offset
        {
            public const int Magic = 0;
            public const int Version = Magic + Length.Magic;
            public const int HeaderSize = Version + Length.Version;
            public const int Flags = HeaderSize + Length.HeaderSize;
        }
    }

    public static class Record
    {
        public static class Length
        {
            public const int Logseq = 8;
            public const int RecordType = 4;
            public const int PayloadLength = 4;
            public const int Header = Logseq + RecordType + PayloadLength;
            public const int Hash = Digest256.Length;
            public const int Overhead = Header + Hash;
        }

        public static class Offset
        {
            public const int Logseq = 0;
            public const int RecordType = Logseq + Length.Logseq;
            public const int PayloadLength = RecordType + Length.RecordType;
            public const int Payload = PayloadLength + Length.PayloadLength;
        }
    }

    /// <summary>Field widths inside payloads (<see cref="LogPayloadCodec"/>).</summary>
    public static class Payload
    {
        public static class Length
        {
            public const int Domain = 4;
            public const int U64 = 8;
            public const int NameLength = 2;
        }

        public const int MaxNameLength = 255;
    }
}
