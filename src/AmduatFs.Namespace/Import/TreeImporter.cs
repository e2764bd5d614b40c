using System.Collections.Concurrent;
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
/// <param name="maxParallelism">files read at once; default <c>Environment.ProcessorCount * 8</c>: cold-cache reads of small files wait on the disk, so many are kept in flight.</param>
public sealed class TreeImporter(ILogger? logger = null, int maxParallelism = 0)
{
    private const int ProgressInterval = 1024;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly int _parallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount * 8;

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
        var directories = new List<PendingDirectory> { rootPending };
        StoreFilesWhileWalking(directories, sink, progress, counts);

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

    /// <summary>
    /// Walks on one thread while worker threads store the files already listed, so cold-cache reads
    /// overlap with listing and many reads are in flight at once. A directory's files are handed over
    /// only after all its slots exist, so no worker ever writes to a slot list that is still growing.
    /// </summary>
    private void StoreFilesWhileWalking(List<PendingDirectory> directories, IArtifactSink sink, IProgress<ImportProgress>? progress, Counts counts)
    {
        using var queue = new BlockingCollection<PendingFile>();
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<Exception>();
        long stored = 0;
        void Fail(Exception e)
        {
            failures.Enqueue(e);
            stop.Cancel();
        }
        var workers = Enumerable.Range(0, _parallelism).Select(_ => new Thread(() =>
        {
            try
            {
                foreach (var file in queue.GetConsumingEnumerable(stop.Token))
                {
                    var entry = StoreFile(file, sink, counts);
                    file.Directory.Slots[file.Slot] = entry;
                    if (entry is not null)
                    {
                        Interlocked.Increment(ref counts.Files);
                        Interlocked.Add(ref counts.Bytes, (long)entry.Size);
                    }
                    long done = Interlocked.Increment(ref stored);
                    if (progress is not null && done % ProgressInterval == 0)
                        progress.Report(new ImportProgress(done, Interlocked.Read(ref counts.Listed), Interlocked.Read(ref counts.Bytes)));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e) { Fail(e); }
        }) { IsBackground = true, Name = "import worker" }).ToList();
        workers.ForEach(worker => worker.Start());
        try
        {
            Walk(directories, queue, counts, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e) { Fail(e); }
        finally
        {
            queue.CompleteAdding();
            workers.ForEach(worker => worker.Join());
        }
        if (failures.TryDequeue(out var first)) ExceptionDispatchInfo.Capture(first).Throw();
        progress?.Report(new ImportProgress(counts.Listed, counts.Listed, counts.Bytes));
    }

    /// <summary>
    /// Lists every directory breadth-first (so reversed, children come before parents). Entries that
    /// readdir reports as regular files are queued without an lstat: their worker opens and fstats them.
    /// </summary>
    private void Walk(List<PendingDirectory> directories, BlockingCollection<PendingFile> queue, Counts counts, CancellationToken stop)
    {
        var files = new List<PendingFile>();
        for (int d = 0; d < directories.Count; d++)
        {
            stop.ThrowIfCancellationRequested();
            var directory = directories[d];
            foreach (var (nativeName, isRegularFile) in PosixCalls.ReadDirectoryEntries(directory.Path))
            {
                string path = PosixNames.Child(directory.Path, nativeName);
                byte[] name = PosixNames.FromNative(nativeName);
                if (isRegularFile)
                {
                    files.Add(new PendingFile(directory, directory.AddSlot(null), path, name));
                    continue;
                }
                var found = PosixCalls.TryLstat(path);
                if (found is not FileStatus status)
                {
                    Skip(counts, "'{Path}' vanished while importing; skipped", path);
                    continue;
                }
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
            Interlocked.Add(ref counts.Listed, files.Count);
            foreach (var file in files) queue.Add(file, stop);
            files.Clear();
        }
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
        public long Listed;
        public long Symlinks;
        public long Bytes;
        public long Skipped;
    }
}
