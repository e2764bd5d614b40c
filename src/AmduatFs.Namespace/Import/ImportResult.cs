using AmduatFs.Core;

namespace AmduatFs.Namespace;

/// <summary>
/// What an import stored (<see cref="Directories"/> includes the root). <see cref="RootEntry"/> is a directory entry for the imported directory
/// itself (its basename, metadata and root tree), ready to graft under another tree.
/// </summary>
public sealed record ImportResult(TreeEntry RootEntry, long Files, long Directories, long Symlinks, long Bytes, long Skipped)
{
    public Reference RootTree => RootEntry.Target!;
}

/// <summary>Progress of the file-storing phase; <see cref="FilesTotal"/> counts the files listed so far (files are stored while the walk goes on), final in the last report.</summary>
public readonly record struct ImportProgress(long FilesStored, long FilesTotal, long BytesStored);
