namespace AmduatFs.Fuse;

/// <summary>
/// The INIT negotiation, handed to <see cref="FuseFileSystem.Init"/>. <see cref="Capable"/> is what kernel and libfuse
/// offer; <see cref="Want"/> starts at libfuse's defaults and may be changed within <see cref="Capable"/>.
/// </summary>
public sealed class FuseConnection
{
    public const uint AsyncRead = 1u << 0;
    public const uint PosixLocks = 1u << 1;
    public const uint AtomicOTrunc = 1u << 3;
    public const uint ExportSupport = 1u << 4;
    public const uint DontMask = 1u << 6;
    public const uint SpliceWrite = 1u << 7;
    public const uint SpliceMove = 1u << 8;
    public const uint SpliceRead = 1u << 9;
    public const uint FlockLocks = 1u << 10;
    public const uint IoctlDir = 1u << 11;
    public const uint AutoInvalData = 1u << 12;
    public const uint ReaddirPlus = 1u << 13;
    public const uint ReaddirPlusAuto = 1u << 14;
    public const uint AsyncDio = 1u << 15;
    public const uint WritebackCache = 1u << 16;
    public const uint NoOpenSupport = 1u << 17;
    public const uint ParallelDirops = 1u << 18;
    public const uint PosixAcl = 1u << 19;
    public const uint HandleKillpriv = 1u << 20;
    public const uint CacheSymlinks = 1u << 23;
    public const uint NoOpendirSupport = 1u << 24;
    public const uint ExplicitInvalData = 1u << 25;
    public const uint ExpireOnly = 1u << 26;

    public uint ProtoMajor { get; init; }
    public uint ProtoMinor { get; init; }
    public uint Capable { get; init; }
    public uint Want { get; set; }
    public uint MaxWrite { get; set; }
    public uint MaxReadahead { get; set; }
    public uint MaxBackground { get; set; }
    public uint TimeGran { get; set; }

    public bool IsCapable(uint capability) => (Capable & capability) == capability;
}
