using AmduatFs.Core;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;
using AmduatFs.Namespace;

namespace AmduatFs.Mount.Staging;

/// <summary>
/// A staging file. Its bytes are either a sealed artifact, or a scratch file while it is written. When the
/// last writer closes, the scratch file is sealed into an artifact by the session's sealer in the background
/// (close does not wait; the reference and fsync do); fsync seals at once. The scratch file is kept until the
/// commit that records the seal is durable, so reads never depend on an uncommitted artifact.
/// All byte state is guarded by <c>_io</c>; metadata by the session's gate. While a seal reads the scratch
/// file, writers wait.
/// </summary>
internal sealed class StagingFile : StagingNode
{
    private const int OpenTruncate = 0x200;
    private static readonly Reference EmptyContent = ArtifactEncoding.ComputeReference([], null);

    private readonly object _io = new();
    private Reference _sealed;
    private long _sealedSize;
    private long _size;
    private ScratchFile? _scratch;
    private bool _changedSinceSeal;
    private bool _sealAwaitsCommit;
    private bool _sealQueued;
    private bool _sealing;
    private bool _unlinked;
    private int _writers;
    private int _handles;

    private StagingFile(StagingSession session, StagingDirectory parent, byte[] name, ulong ino, Reference content, long size)
        : base(session, parent, name, ino)
    {
        _sealed = content;
        _sealedSize = _size = size;
    }

    public Store.IArtifactSource SessionView => Session.View;
    public Microsoft.Extensions.Logging.ILogger SessionLogger => Session.Logger;

    public static StagingFile Create(StagingSession session, StagingDirectory parent, byte[] name, uint mode, FuseCaller caller)
    {
        var file = new StagingFile(session, parent, name, session.IssueIno(InodeNumbers.Child(parent.Ino, name)), EmptyContent, 0);
        file.SetCreator(mode, caller);
        return file;
    }

    public static StagingFile FromEntry(StagingSession session, StagingDirectory parent, TreeEntry entry, ulong ino)
    {
        var file = new StagingFile(session, parent, entry.Name, ino, entry.Target!, (long)entry.Size);
        file.SetMetadata(entry);
        return file;
    }

    protected override Reference? SealedReference
    {
        get
        {
            lock (_io)
            {
                while (_sealQueued || _sealing) Monitor.Wait(_io);
                return _changedSinceSeal ? null : _sealed;
            }
        }
    }

    public override FuseStat Stat()
    {
        long size;
        lock (_io) size = _size;
        lock (Session.Gate) return FileModes.Make(Ino, FileModes.Regular | Mode, Uid, Gid, size, MtimeNanoseconds, CtimeNanoseconds);
    }

    public override TreeEntry ToEntry()
    {
        Reference content;
        long size;
        lock (_io)
        {
            content = _sealed;
            size = _size;
            if (_changedSinceSeal) size = -1;
        }
        if (size < 0) (content, size) = LastSealed();
        if (content == EmptyContent) Session.Sink.Put([]);
        return TreeEntry.File(Name, content, (ulong)size, Mode, Uid, Gid, MtimeNanoseconds, Xattrs.ToArray());
    }

    private (Reference, long) LastSealed()
    {
        lock (_io) return (_sealed, _sealedSize);
    }

    public override int Open(int flags, out OpenFile? handle, out bool keepCache)
    {
        keepCache = false;
        bool writable = FileModes.IsWriteAccess(flags);
        lock (_io)
        {
            if (writable)
            {
                WaitWhileSealing();
                bool truncate = (flags & OpenTruncate) != 0;
                EnsureScratch(copyBytes: truncate ? 0 : _size);
                if (truncate && _size != 0)
                {
                    RandomAccess.SetLength(_scratch!.Handle, 0);
                    _size = 0;
                    _changedSinceSeal = true;
                    MtimeNanoseconds = CtimeNanoseconds = Now();
                }
                _writers++;
            }
            _handles++;
        }
        handle = new StagingFileHandle(this, writable);
        return 0;
    }

    /// <summary>The handle of a file just made by create(2): writable, empty.</summary>
    public OpenFile OpenNew()
    {
        lock (_io)
        {
            EnsureScratch(copyBytes: 0);
            _writers++;
            _handles++;
        }
        return new StagingFileHandle(this, writable: true);
    }

    private void EnsureScratch(long copyBytes)
    {
        if (_scratch is not null) return;
        var scratch = Session.Scratch.Create();
        try
        {
            long toCopy = Math.Min(copyBytes, _size);
            if (toCopy > 0) CopyInto(scratch, toCopy);
        }
        catch
        {
            scratch.Delete();
            throw;
        }
        _scratch = scratch;
        Session.TrackScratch(this, present: true);
    }

    private void CopyInto(ScratchFile scratch, long length)
    {
        using var source = Session.View.OpenRead(_sealed);
        byte[] buffer = new byte[1 << 20];
        long offset = 0;
        while (offset < length)
        {
            int n = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length - offset));
            if (n == 0) throw new IOException($"artifact {_sealed} ended at {offset} bytes, before the {length} its entry names");
            RandomAccess.Write(scratch.Handle, buffer.AsSpan(0, n), offset);
            offset += n;
        }
    }

    /// <summary>Reads current bytes: from the scratch file when there is one, else from the sealed artifact.</summary>
    public int Read(StagingFileHandle handle, long offset, Span<byte> buffer, out int bytesRead)
    {
        ScratchFile? scratch;
        Reference content;
        long size;
        lock (_io)
        {
            scratch = _scratch;
            content = _sealed;
            size = _size;
        }
        bytesRead = 0;
        if (offset >= size) return 0;
        buffer = buffer[..(int)Math.Min(buffer.Length, size - offset)];
        if (scratch is null) return handle.ReadSealed(content, offset, buffer, out bytesRead);
        while (bytesRead < buffer.Length)
        {
            int n = RandomAccess.Read(scratch.Handle, buffer[bytesRead..], offset + bytesRead);
            if (n == 0) break;
            bytesRead += n;
        }
        return 0;
    }

    public int Write(long offset, ReadOnlySpan<byte> data, out int bytesWritten)
    {
        lock (_io)
        {
            WaitWhileSealing();
            RandomAccess.Write(_scratch!.Handle, data, offset);
            _size = Math.Max(_size, offset + data.Length);
            _changedSinceSeal = true;
        }
        MtimeNanoseconds = CtimeNanoseconds = Now();
        bytesWritten = data.Length;
        return 0;
    }

    protected override int Resize(long size)
    {
        bool sealNow;
        lock (_io)
        {
            WaitWhileSealing();
            EnsureScratch(copyBytes: size);
            RandomAccess.SetLength(_scratch!.Handle, size);
            _size = size;
            _changedSinceSeal = true;
            sealNow = _writers == 0;
        }
        if (sealNow) RequestSeal();
        return 0;
    }

    private void WaitWhileSealing()
    {
        while (_sealing) Monitor.Wait(_io);
    }

    /// <summary>close(2) of one descriptor: the last writer's close starts the seal.</summary>
    public void Flushed(bool writable)
    {
        bool last;
        lock (_io) last = writable && _writers == 1;
        if (last) RequestSeal();
    }

    public void Released(bool writable)
    {
        bool seal;
        lock (_io)
        {
            if (writable) _writers--;
            _handles--;
            seal = _writers == 0 && _changedSinceSeal;
        }
        if (seal) RequestSeal();
        lock (_io) DropScratchIfUnneeded();
    }

    /// <summary>Durable before returning: this file, and every file closed before it (they are sealed first).</summary>
    public int Fsync()
    {
        Session.Sealer.Drain();
        SealIfChanged();
        Session.CommitNow();
        return 0;
    }

    private void RequestSeal()
    {
        lock (_io)
        {
            if (_sealQueued || !_changedSinceSeal || _unlinked) return;
            _sealQueued = true;
        }
        Session.Sealer.Enqueue(this);
    }

    /// <summary>The sealer's turn for this file.</summary>
    public void SealQueued()
    {
        try
        {
            SealIfChanged();
        }
        finally
        {
            lock (_io)
            {
                _sealQueued = false;
                Monitor.PulseAll(_io);
            }
        }
    }

    /// <summary>
    /// Stores the scratch bytes as an artifact (durable with the next commit). Writers wait meanwhile; readers
    /// go on reading the scratch file, which does not change.
    /// </summary>
    public void SealIfChanged()
    {
        ScratchFile scratch;
        long size;
        lock (_io)
        {
            WaitWhileSealing();
            if (!_changedSinceSeal || _unlinked) return;
            _sealing = true;
            scratch = _scratch!;
            size = _size;
        }
        Reference? sealedAs = null;
        try
        {
            sealedAs = Session.Sink.PutFile(scratch.Handle, size);
        }
        finally
        {
            lock (_io)
            {
                _sealing = false;
                if (sealedAs is not null)
                {
                    _sealed = sealedAs;
                    _sealedSize = size;
                    _changedSinceSeal = false;
                    _sealAwaitsCommit = true;
                }
                if (_unlinked) DropScratchIfUnneeded();
                Monitor.PulseAll(_io);
            }
        }
        Session.AwaitCommit(this);
        lock (Session.Gate) EntryChanged();
    }

    public void SealCommitted()
    {
        lock (_io)
        {
            _sealAwaitsCommit = false;
            DropScratchIfUnneeded();
        }
    }

    /// <summary>The commit that was to record the seal failed, and its put went with it: seal again.</summary>
    public void SealWasLost()
    {
        lock (_io)
            if (_sealAwaitsCommit) _changedSinceSeal = true;
    }

    public override void Detached()
    {
        base.Detached();
        lock (_io)
        {
            _unlinked = true;
            DropScratchIfUnneeded();
        }
    }

    private void DropScratchIfUnneeded()
    {
        if (_scratch is null || _handles > 0 || _sealing) return;
        if (!_unlinked && (_changedSinceSeal || _sealAwaitsCommit)) return;
        _scratch.Delete();
        _scratch = null;
        Session.TrackScratch(this, present: false);
    }
}
