namespace AmduatFs.Fuse;

/// <summary>Which fields a setattr request changes (libfuse's <c>FUSE_SET_ATTR_*</c>).</summary>
[Flags]
public enum FuseSetAttrFields : int
{
    Mode = 1,
    Uid = 2,
    Gid = 4,
    Size = 8,
    Atime = 16,
    Mtime = 32,
    AtimeNow = 128,
    MtimeNow = 256,
    Ctime = 1024,
}

/// <summary>
/// A setattr request. Only the fields named in <see cref="Fields"/> are meaningful. With <c>AtimeNow</c>/<c>MtimeNow</c>
/// the filesystem picks the current time itself.
/// </summary>
public struct FuseSetAttr
{
    public FuseSetAttrFields Fields;
    public uint Mode, Uid, Gid;
    public long Size;
    public FuseTimespec Atime, Mtime, Ctime;

    public readonly bool Has(FuseSetAttrFields field) => (Fields & field) != 0;
}
