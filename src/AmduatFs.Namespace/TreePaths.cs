using AmduatFs.Core;
using AmduatFs.Store;

namespace AmduatFs.Namespace;

/// <summary>
/// '/'-separated paths inside a tree. Empty segments are ignored (so "a//b/" is "a/b" and "" or
/// "/" is the root); "." and ".." are refused, since trees never hold them and resolving ".."
/// would need a parent the tree does not record. Segments go to name bytes with <see cref="FileNames.FromDisplay"/>.
/// </summary>
public static class TreePaths
{
    /// <exception cref="ArgumentException">a segment is "." or "..", or longer than a name can be.</exception>
    public static IReadOnlyList<byte[]> Split(string path)
    {
        var segments = new List<byte[]>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment is "." or "..") throw new ArgumentException($"path '{path}' contains '{segment}'; tree paths are always absolute from the root", nameof(path));
            var name = FileNames.FromDisplay(segment);
            if (name.Length > TreeLayout.MaxNameLength)
                throw new ArgumentException($"path '{path}' has a segment of {name.Length} bytes; names are at most {TreeLayout.MaxNameLength}", nameof(path));
            segments.Add(name);
        }
        return segments;
    }

    /// <summary>
    /// The entry standing for a root tree: a directory with an empty name, mode 0755, owner 0:0
    /// and mtime 0, since a bare tree reference carries no metadata of its own.
    /// </summary>
    public static TreeEntry RootEntry(Reference rootTree) =>
        TreeEntry.Directory([], rootTree, mode: 0x1ED, uid: 0, gid: 0, mtimeNanoseconds: 0);

    /// <exception cref="PathNotFoundException">some segment does not exist.</exception>
    /// <exception cref="NotADirectoryException">a segment before the last is a file or symlink.</exception>
    public static TreeEntry Resolve(IArtifactSource source, Reference rootTree, string path)
    {
        var segments = Split(path);
        var entry = RootEntry(rootTree);
        for (int i = 0; i < segments.Count; i++)
        {
            if (entry.Kind != EntryKind.Directory) throw new NotADirectoryException(Prefix(segments, i), entry.Kind);
            var tree = TreeArtifacts.Load(source, entry.Target!);
            entry = tree.Find(segments[i]) ?? throw new PathNotFoundException(Join(segments), Prefix(segments, i + 1));
        }
        return entry;
    }

    internal static string Prefix(IReadOnlyList<byte[]> segments, int count) =>
        string.Join('/', segments.Take(count).Select(s => FileNames.ToDisplay(s)));

    internal static string Join(IReadOnlyList<byte[]> segments) => Prefix(segments, segments.Count);
}
