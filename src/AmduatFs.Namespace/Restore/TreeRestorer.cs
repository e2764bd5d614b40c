using AmduatFs.Core;
using AmduatFs.Namespace.Posix;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;
using Mono.Unix.Native;

namespace AmduatFs.Namespace;

/// <summary>
/// Writes a tree entry back to a real filesystem with its metadata: content, then owner, mode,
/// xattrs and times. Owner before mode, because chown clears setuid/setgid; xattrs after chown,
/// because chown drops <c>security.capability</c>; times last. A directory's metadata is applied
/// after all its children are written (deepest first), so writing them does not disturb its
/// mtime and a read-only mode does not block them. As root every failure is an error; otherwise
/// EPERM from chown, and from setting <c>trusted.*</c>/<c>security.*</c> xattrs, is skipped
/// (with a warning for xattrs), since only root may do those.
/// </summary>
public sealed class TreeRestorer(ILogger? logger = null)
{
    private static readonly byte[] UserPrefix = "user."u8.ToArray();
    private const int CopyBufferLength = 1 << 20;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly bool _isRoot = PosixCalls.IsRoot;

    /// <summary>
    /// Restores <paramref name="entry"/> (of any kind) at <paramref name="destination"/>, which must not
    /// exist, or for a directory entry may be an empty directory (which then takes the entry's metadata).
    /// </summary>
    /// <exception cref="IOException">the destination is in the way, or a call failed (named with path and strerror).</exception>
    /// <exception cref="CorruptDataException">a stored tree is damaged, or a content artifact's length disagrees with its entry.</exception>
    public void Restore(IArtifactSource source, TreeEntry entry, string destination)
    {
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        bool reuse = CheckDestination(path, entry.Kind);
        switch (entry.Kind)
        {
            case EntryKind.File: WriteFile(source, entry, path); break;
            case EntryKind.Symlink: WriteSymlink(entry, path); break;
            case EntryKind.Directory: WriteDirectory(source, entry, path, create: !reuse); break;
            default: throw new ArgumentException($"entry '{entry.DisplayName}' has unknown kind {entry.Kind}", nameof(entry));
        }
    }

    /// <summary>Restores one file entry at <paramref name="destination"/>, which must not exist.</summary>
    public void RestoreFile(IArtifactSource source, TreeEntry entry, string destination)
    {
        if (entry.Kind != EntryKind.File) throw new ArgumentException($"entry '{entry.DisplayName}' is a {entry.Kind}, not a file", nameof(entry));
        string path = Path.GetFullPath(destination);
        CheckDestination(path, entry.Kind);
        WriteFile(source, entry, path);
    }

    /// <returns>true when the destination is an existing empty directory to restore into.</returns>
    private static bool CheckDestination(string path, EntryKind kind)
    {
        if (PosixCalls.TryLstat(path) is not FileStatus existing) return false;
        if (kind == EntryKind.Directory && existing.Kind == EntryKind.Directory && PosixCalls.ReadDirectory(path).Count == 0) return true;
        string allowed = kind == EntryKind.Directory ? "must not exist or be an empty directory" : "must not exist";
        throw new IOException($"cannot restore to '{PosixNames.Display(path)}': it already exists; the destination {allowed}");
    }

    private void WriteDirectory(IArtifactSource source, TreeEntry entry, string path, bool create)
    {
        if (create) PosixCalls.MakeDirectory(path);
        var tree = TreeArtifacts.Load(source, entry.Target!);
        foreach (var child in tree.Entries)
        {
            string childPath = PosixNames.Child(path, PosixNames.ToNative(child.Name));
            switch (child.Kind)
            {
                case EntryKind.File: WriteFile(source, child, childPath); break;
                case EntryKind.Symlink: WriteSymlink(child, childPath); break;
                case EntryKind.Directory: WriteDirectory(source, child, childPath, create: true); break;
            }
        }
        ApplyMetadata(path, null, entry);
    }

    private void WriteFile(IArtifactSource source, TreeEntry entry, string path)
    {
        using var file = PosixCalls.CreateFile(path);
        long written = 0;
        using (var content = source.OpenRead(entry.Target!))
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(CopyBufferLength);
            try
            {
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    RandomAccess.Write(file, buffer.AsSpan(0, read), written);
                    written += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        if ((ulong)written != entry.Size)
            throw new CorruptDataException("tree entry", entry.DisplayName, $"its content artifact {entry.Target} holds {written} bytes but the entry records {entry.Size}", entry.Target);
        ApplyMetadata(path, file, entry);
    }

    private void WriteSymlink(TreeEntry entry, string path)
    {
        PosixCalls.MakeSymlink(entry.LinkTarget!, path);
        ApplyMetadata(path, null, entry);
    }

    /// <param name="file">the open file for regular files; null for directories and symlinks, which go by path without following links.</param>
    private void ApplyMetadata(string path, SafeFileHandle? file, TreeEntry entry)
    {
        var chown = PosixCalls.TryChangeOwner(path, file, entry.Uid, entry.Gid);
        if (chown != 0 && (_isRoot || chown != Errno.EPERM)) throw PosixError.Exception("chown", path, chown);

        // Linux symlinks have no mode of their own (always 0777).
        if (entry.Kind != EntryKind.Symlink) PosixCalls.ChangeMode(path, file, entry.Mode);

        foreach (var xattr in entry.Xattrs)
        {
            var errno = Xattrs.TryWrite(path, file, xattr);
            if (errno == 0) continue;
            if (!_isRoot && errno == Errno.EPERM && !xattr.Name.AsSpan().StartsWith(UserPrefix))
            {
                _logger.LogWarning("xattr {Name} of '{Path}' needs root; skipped", xattr.DisplayName, PosixNames.Display(path));
                continue;
            }
            throw PosixError.Exception($"setxattr {xattr.DisplayName} on", path, errno);
        }

        PosixCalls.SetTimes(path, file, entry.MtimeNanoseconds);
    }
}
