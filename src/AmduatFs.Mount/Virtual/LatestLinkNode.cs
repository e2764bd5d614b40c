using System.Text;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary><c>snapshots/latest</c>: a symlink to the newest snapshot's directory; it moves when one is made.</summary>
internal sealed class LatestLinkNode(MountContext context, DomainId domain, string domainName) : Node
{
    public override ulong Ino { get; } = InodeNumbers.Root(domainName, "snapshots", "latest");

    public byte[]? Target()
    {
        var snapshots = context.Store.Snapshots(domain);
        return snapshots.Count == 0 ? null : Encoding.UTF8.GetBytes(snapshots.MaxBy(s => s.SnapshotId)!.Name);
    }

    public override FuseStat Stat()
    {
        var snapshots = context.Store.Snapshots(domain);
        var newest = snapshots.MaxBy(s => s.SnapshotId);
        long size = newest is null ? 0 : Encoding.UTF8.GetByteCount(newest.Name);
        return FileModes.Make(Ino, FileModes.Symlink | 0x1FF, ProcessOwner.Uid, ProcessOwner.Gid, size, newest?.CreatedUnixNanoseconds ?? context.VirtualTimeNanoseconds);
    }

    public override int ReadLink(out byte[] target)
    {
        target = Target() ?? [];
        return target.Length == 0 ? Errno.ENOENT : 0;
    }
}
