using System.Buffers;
using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Mount.Trees;

internal sealed class TreeFileNode(TreeContext context, TreeEntry entry, ulong ino, TreeDirectoryNode? parent, int index)
    : TreeNode(context, entry, ino, parent, index)
{
    /// <summary>Files up to this size are put into the kernel's page cache when opened.</summary>
    public const int PushedAtOpenMaxBytes = 128 * 1024;

    private volatile bool _contentPushed;

    protected override uint TypeBits => FileModes.Regular;

    public override int Open(int flags, out OpenFile? handle, out bool keepCache)
    {
        keepCache = true;
        handle = null;
        if (FileModes.IsWriteAccess(flags)) return Errno.EROFS;
        handle = new ArtifactOpenFile(Context.Source, Entry.Target!, Context.Logger);
        return 0;
    }

    /// <summary>
    /// While its open is answered, puts a small file's whole content into the kernel's page cache, once per node:
    /// reading it then costs no further round trip (small-file copies are bound by round trips, not bytes). The
    /// kernel keeps the pages (keep_cache) until it drops them, and then asks with ordinary reads. Damage pushes
    /// nothing: the read request that follows answers EIO and logs it.
    /// </summary>
    public void PushContent(FuseSession session)
    {
        if (_contentPushed || Entry.Size == 0 || Entry.Size > PushedAtOpenMaxBytes) return;
        int size = (int)Entry.Size;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            using (var content = Context.Source.OpenRead(Entry.Target!))
            {
                if (content.Length != size) return;
                content.ReadExactly(buffer, 0, size);
            }
            _contentPushed = session.NotifyStore(NodeId, 0, buffer.AsSpan(0, size)) == 0;
        }
        catch (Exception e) when (e is CorruptDataException or ArtifactNotFoundException)
        {
            // Left to the read request that follows, which answers EIO and logs the damage.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
