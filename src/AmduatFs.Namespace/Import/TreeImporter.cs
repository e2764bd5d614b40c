using System.Runtime.ExceptionServices;
using AmduatFs.Core;
using AmduatFs.Namespace.Posix;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mono.Unix.Native;

namespace AmduatFs.Namespace;

/// <summary>
/// Imports a real directory: every regular file's content via <see cref="IArtifactSink.PutFile"/>,
/// every directory as a tree artifact, with mode, owner, mtime (ns) and xattrs (all but
/// <c>system.*</c>). Symlinks are never followed below the root. Devices, fifos and sockets are
/// skipped with a warning; entries that vanish while importing are skipped with a warning; hard
/// links become independent files (their content dedups).
/// </summary>
/// <param name="maxParallelism">files read at once; default <c>Environment.ProcessorCount * 2</c>.</param>
public sealed class TreeImporter(ILogger? logger = null, int maxParallelism = 0)
{
    private const int ProgressInterval = 1024;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly int _parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount * 2;

    /// <summary>
    /// Walks <paramref name="directory"/> (which may itself be a symlink to a directory), stores files
    /// in parallel, then builds trees bottom-up. The result is the same whatever order reads finish in.
    /// </summary>
    /// <exception cref="IOException">a call failed (named with path and strerror), or a file changed while read, twice.</exception>
    /// <exception cref="ArgumentException">the directory is "/" (which has no name to graft under).</exception>
    public ImportResult Import(string directory, IArtifactSink sink, IProgress<ImportProgress>? progress = null)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string baseName = Path.GetFileName(root);
        if (baseName.Length == 0) throw new ArgumentException($"cannot import '{directory}': the filesystem root has no name to file it under", nameof(directory));
        PendingDirectory rootPending;
        using (var rootHandle = PosixCalls.OpenDirectory(root))
            rootPending = new PendingDirectory(root, PosixNames.FromNative(baseName), PosixCalls.Fstat(rootHandle, root), Xattrs.Read(root, rootHandle), null);

        var counts = new Counts();
        var (directories, files) = Walk(rootPending, counts);

        StoreFiles(files, sink, progress, counts);

        TreeEntry? rootEntry = null;
        for (int i = directories.Count - 1; i >= 0; i--)
        {
            var pending = directories[i];
            var tree = Tree.Create(pending.Slots.OfType<TreeEntry>());
            var status = pending.Status;
            var entry = TreeEntry.Directory(pending.Name, TreeArtifacts.Store(sink, tree), status.Mode, status.Uid, status.Gid, status.MtimeNanoseconds, pending.Xattrs);
            if (pending.Parent is null) rootEntry = entry;
            else pending.Parent.Slots[pending.SlotInParent] = entry;
        }
        return new ImportResult(rootEntry!, counts.Files, directories.Count, counts.Symlinks, counts.Bytes, counts.Skipped);
    }

    /// <summary>Lists every directory breadth-first (so reversed, children come before parents) with one lstat per entry.</summary>
    private (List<PendingDirectory>, List<PendingFile>) Walk(PendingDirectory root, Counts counts)
    {
        var directories = new List<PendingDirectory> { root };
        var files = new List<PendingFile>();
        for (int d = 0; d < directories.Count; d++)
        {
            var directory = directories[d];
            foreach (string nativeName in PosixCalls.ReadDirectory(directory.Path))
            {
                string path = PosixNames.Child(directory.Path, nativeName);
                var found = PosixCalls.TryLstat(path);
                if (found is not FileStatus status)
                {
                    Skip(counts, "'{Path}' vanished while importing; skipped", path);
                    continue;
                }
                byte[] name = PosixNames.FromNative(nativeName);
                switch (status.Kind)
                {
                    case EntryKind.File:
                        files.Add(new PendingFile(directory, directory.AddSlot(null), path, name));
                        break;
                    case EntryKind.Directory:
                        directories.Add(new PendingDirectory(path, name, status, Xattrs.Read(path, null), directory) { SlotInParent = directory.AddSlot(null) });
                        break;
                    case EntryKind.Symlink:
                        var target = PosixCalls.ReadLink(path);
                        directory.AddSlot(TreeEntry.Symlink(name, target, status.Mode, status.Uid, status.Gid, status.MtimeNanoseconds, Xattrs.Read(path, null)));
                        counts.Symlinks++;
                        break;
                    default:
                        Skip(counts, "'{Path}' is a special file (device, fifo or socket); skipped", path);
                        break;
                }
            }
        }
        return (directories, files);
    }

    private void StoreFiles(List<PendingFile> files, IArtifactSink sink, IProgress<ImportProgress>? progress, Counts counts)
    {
        long stored = 0;
        try
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, i =>
            {
                var file = files[i];
                var entry = StoreFile(file, sink, counts);
                file.Directory.Slots[file.Slot] = entry;
                if (entry is not null)
                {
                    Interlocked.Increment(ref counts.Files);
                    Interlocked.Add(ref counts.Bytes, (long)entry.Size);
                }
                long done = Interlocked.Increment(ref stored);
                if (progress is not null && done % ProgressInterval == 0)
                    progress.Report(new ImportProgress(done, files.Count, Interlocked.Read(ref counts.Bytes)));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        progress?.Report(new ImportProgress(files.Count, files.Count, counts.Bytes));
    }

    /// <summary>
    /// Opens the listed file without following symlinks, stores it, and checks it did not change
    /// while read (size, mtime, ctime); a change is retried once, then fails. Metadata comes from
    /// the open handle, so it describes exactly the bytes stored. Null when the file vanished.
    /// </summary>
    private TreeEntry? StoreFile(PendingFile file, IArtifactSink sink, Counts counts)
    {
        Exception? change = null;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            using var handle = PosixCalls.TryOpenForReading(file.Path, out var errno);
            if (handle is null)
            {
                if (errno == Errno.ENOENT)
                {
                    Skip(counts, "'{Path}' vanished while importing; skipped", file.Path);
                    return null;
                }
                if (errno == Errno.ELOOP)
                {
                    change = PosixError.Exception("open", file.Path, errno);
                    continue;
                }
                throw PosixError.Exception("open", file.Path, errno);
            }

            var before = PosixCalls.Fstat(handle, file.Path);
            if (before.Kind != EntryKind.File)
            {
                change = new IOException($"'{PosixNames.Display(file.Path)}' is no longer a regular file");
                continue;
            }
            Reference content;
            try
            {
                content = sink.PutFile(handle, before.Size);
            }
            catch (IOException e)
            {
                change = e;
                continue;
            }
            var after = PosixCalls.Fstat(handle, file.Path);
            if (after.Size != before.Size || after.MtimeNanoseconds != before.MtimeNanoseconds || after.CtimeNanoseconds != before.CtimeNanoseconds)
            {
                change = new IOException($"'{PosixNames.Display(file.Path)}' was modified while it was read");
                continue;
            }
            var xattrs = Xattrs.Read(file.Path, handle);
            return TreeEntry.File(file.Name, content, (ulong)before.Size, before.Mode, before.Uid, before.Gid, before.MtimeNanoseconds, xattrs);
        }
        throw new IOException($"'{PosixNames.Display(file.Path)}' changed while it was being imported, twice; not storing a torn copy: {change!.Message}", change);
    }

    private void Skip(Counts counts, string message, string path)
    {
        Interlocked.Increment(ref counts.Skipped);
        _logger.LogWarning(message, PosixNames.Display(path));
    }

    private sealed class Counts
    {
        public long Files;
        public long Symlinks;
        public long Bytes;
        public long Skipped;
    }
}
