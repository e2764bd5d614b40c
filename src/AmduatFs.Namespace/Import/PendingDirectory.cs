using AmduatFs.Namespace.Posix;

namespace AmduatFs.Namespace;

/// <summary>
/// A directory met by the walk whose tree is not built yet. Its slots are filled by the walk
/// (subdirectories, symlinks) and by file workers; each worker writes only its own slot, and no
/// slot is added once workers start. A slot left null is an entry that vanished or was skipped.
/// </summary>
internal sealed class PendingDirectory(string path, byte[] name, FileStatus status, IReadOnlyList<ExtendedAttribute> xattrs, PendingDirectory? parent)
{
    public string Path { get; } = path;
    public byte[] Name { get; } = name;
    public FileStatus Status { get; } = status;
    public IReadOnlyList<ExtendedAttribute> Xattrs { get; } = xattrs;
    public PendingDirectory? Parent { get; } = parent;
    public int SlotInParent { get; init; } = -1;
    public List<TreeEntry?> Slots { get; } = [];

    public int AddSlot(TreeEntry? entry)
    {
        Slots.Add(entry);
        return Slots.Count - 1;
    }
}

/// <summary>A regular file found by the walk, to be stored by a worker into <see cref="Directory"/>'s slot.</summary>
internal readonly record struct PendingFile(PendingDirectory Directory, int Slot, string Path, byte[] Name);
