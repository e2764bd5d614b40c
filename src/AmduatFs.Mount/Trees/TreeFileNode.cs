using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Trees;

internal sealed class TreeFileNode(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index)
    : TreeNode(context, entry, ino, parent, index)
{
    protected override uint TypeBits => FileModes.Regular;

    public override int Open(int flags, out OpenFile? handle, out bool keepCache)
    {
        keepCache = true;
        handle = null;
        if (FileModes.IsWriteAccess(flags)) return Errno.EROFS;
        handle = new ArtifactOpenFile(Context.Source, Entry.Target!, Context.Logger);
        return 0;
    }
}
