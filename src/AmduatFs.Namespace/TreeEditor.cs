using AmduatFs.Core;
using AmduatFs.Namespace.Posix;
using AmduatFs.Store;

namespace AmduatFs.Namespace;

/// <summary>
/// Path edits on stored trees: copy-on-write from the edited entry up to a new root. Reads only
/// trees that already exist (the old root and the trees along the path), so it works while
/// the sink's own puts are not yet readable.
/// </summary>
public static class TreeEditor
{
    /// <summary>Permissions of directories <see cref="Graft"/> creates on the way: 0755.</summary>
    public const uint CreatedDirectoryMode = 0x1ED;

    /// <summary>
    /// The root tree with the entry at <paramref name="path"/> replaced or inserted
    /// (<paramref name="newEntry"/> renamed to the path's last segment), or removed when
    /// <paramref name="newEntry"/> is null. Missing intermediate directories are created
    /// (mode 0755, owned by this process, mtime now). Ancestors keep their metadata; only their
    /// targets change. At "" or "/" the new root is <paramref name="newEntry"/>'s tree (the empty
    /// tree when null). A null <paramref name="rootTree"/> is the empty tree.
    /// </summary>
    /// <exception cref="PathNotFoundException">removing an entry that does not exist.</exception>
    /// <exception cref="NotADirectoryException">a segment before the last is a file or symlink.</exception>
    /// <exception cref="ArgumentException">a non-directory grafted at the root, or an entry the format rejects.</exception>
    public static Reference Graft(IArtifactSource source, IArtifactSink sink, Reference? rootTree, string path, TreeEntry? newEntry)
    {
        var segments = TreePaths.Split(path);
        if (segments.Count == 0) return GraftRoot(sink, newEntry);

        // Trees from the root down to the parent of the edited entry; ancestors[i] holds segments[i].
        var trees = new Tree[segments.Count];
        var ancestors = new TreeEntry?[segments.Count];
        trees[0] = rootTree is null ? Tree.Empty : TreeArtifacts.Load(source, rootTree);
        for (int i = 0; i < segments.Count - 1; i++)
        {
            var existing = trees[i].Find(segments[i]);
            if (existing is null)
            {
                if (newEntry is null) throw new PathNotFoundException(TreePaths.Join(segments), TreePaths.Prefix(segments, i + 1));
                trees[i + 1] = Tree.Empty;
                continue;
            }
            if (existing.Kind != EntryKind.Directory) throw new NotADirectoryException(TreePaths.Prefix(segments, i + 1), existing.Kind);
            ancestors[i] = existing;
            trees[i + 1] = TreeArtifacts.Load(source, existing.Target!);
        }

        var last = segments[^1];
        Tree edited;
        if (newEntry is null)
        {
            if (trees[^1].Find(last) is null) throw new PathNotFoundException(TreePaths.Join(segments), TreePaths.Join(segments));
            edited = trees[^1].Without(last);
        }
        else
        {
            edited = trees[^1].With(newEntry with { Name = last });
        }

        long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        for (int i = segments.Count - 2; i >= 0; i--)
        {
            var childTree = TreeArtifacts.Store(sink, edited);
            var directory = ancestors[i] is { } ancestor
                ? ancestor with { Target = childTree }
                : TreeEntry.Directory(segments[i], childTree, CreatedDirectoryMode, PosixCalls.EffectiveUid, PosixCalls.EffectiveGid, now);
            edited = trees[i].With(directory);
        }
        return TreeArtifacts.Store(sink, edited);
    }

    private static Reference GraftRoot(IArtifactSink sink, TreeEntry? newEntry)
    {
        if (newEntry is null) return sink.Put(TreeArtifacts.EmptyTreeBytes, TreeArtifacts.TypeTag);
        if (newEntry.Kind != EntryKind.Directory || newEntry.Target is null)
            throw new ArgumentException($"only a directory can be grafted at the root; got {newEntry.Kind} '{newEntry.DisplayName}'", nameof(newEntry));
        return newEntry.Target;
    }
}
