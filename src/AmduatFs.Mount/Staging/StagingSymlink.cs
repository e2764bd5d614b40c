using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Staging;

internal sealed class StagingSymlink(StagingSession session, StagingDirectory parent, byte[] name, ulong ino, byte[] target)
    : StagingNode(session, parent, name, ino)
{
    protected override Reference? SealedReference => null;

    public override FuseStat Stat()
    {
        lock (Session.Gate) return FileModes.Make(Ino, FileModes.Symlink | Mode, Uid, Gid, target.Length, MtimeNanoseconds, CtimeNanoseconds);
    }

    public override int ReadLink(out byte[] linkTarget)
    {
        linkTarget = target;
        return 0;
    }

    public override TreeEntry ToEntry() => TreeEntry.Symlink(Name, target, Mode, Uid, Gid, MtimeNanoseconds, Xattrs.ToArray());

    public static StagingSymlink Create(StagingSession session, StagingDirectory parent, byte[] name, byte[] target, FuseCaller caller)
    {
        var link = new StagingSymlink(session, parent, name, session.IssueIno(InodeNumbers.Child(parent.Ino, name)), target);
        link.SetCreator(0x1FF, caller);
        return link;
    }

    public static StagingSymlink FromEntry(StagingSession session, StagingDirectory parent, TreeEntry entry, ulong ino)
    {
        var link = new StagingSymlink(session, parent, entry.Name, ino, entry.LinkTarget!);
        link.SetMetadata(entry);
        return link;
    }
}
