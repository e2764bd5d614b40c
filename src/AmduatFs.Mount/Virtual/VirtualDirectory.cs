using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;

namespace AmduatFs.Mount.Virtual;

/// <summary>A directory that exists only in the mount (the root, a domain, snapshots/): owned by root, mode 0755.</summary>
internal abstract class VirtualDirectory(MountContext context, ulong ino) : Node
{
    protected MountContext Context { get; } = context;
    public override ulong Ino { get; } = ino;
    public override bool IsDirectory => true;
    protected override int ChangeRefused => Errno.EPERM;

    public override FuseStat Stat() => FileModes.Make(Ino, FileModes.Directory | 0x1ED, ProcessOwner.Uid, ProcessOwner.Gid, 0, Context.VirtualTimeNanoseconds);

    protected static ListingEntry DirectoryEntry(byte[] name, ulong ino) => new(name, ino, FileModes.Directory | 0x1ED);
}
