using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Trees;

internal sealed class TreeSymlinkNode(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index)
    : TreeNode(context, entry, ino, parent, index)
{
    protected override uint TypeBits => FileModes.Symlink;

    public override int ReadLink(out byte[] target)
    {
        target = Entry.LinkTarget!;
        return 0;
    }
}
