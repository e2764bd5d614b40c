using System.Collections.Concurrent;
using AmduatFs.Core;
using AmduatFs.Store;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Namespace.Tests;

/// <summary>
/// A fake store for tests, both sink and source. Like the real one, puts become readable only
/// after <see cref="Commit"/>, so code that reads its own puts fails here too.
/// </summary>
internal sealed class InMemoryStore : IArtifactSink, IArtifactSource
{
    private readonly ConcurrentDictionary<Reference, Artifact> _pending = new();
    private readonly ConcurrentDictionary<Reference, Artifact> _committed = new();
    private int _putFileCalls;

    /// <summary>Called before each PutFile reads; may throw to simulate a file that changed.</summary>
    public Action<SafeFileHandle, long>? BeforePutFile { get; set; }

    public int PutFileCalls => _putFileCalls;
    public int Count => _pending.Count + _committed.Count;

    public Reference Put(ReadOnlySpan<byte> bytes, uint? typeTag = null)
    {
        var artifact = new Artifact(bytes.ToArray(), typeTag);
        var reference = artifact.ComputeReference();
        if (!_committed.ContainsKey(reference)) _pending.TryAdd(reference, artifact);
        return reference;
    }

    public Reference PutFile(SafeFileHandle file, long length)
    {
        Interlocked.Increment(ref _putFileCalls);
        BeforePutFile?.Invoke(file, length);
        var bytes = new byte[length];
        long offset = 0;
        while (offset < length)
        {
            int read = RandomAccess.Read(file, bytes.AsSpan((int)offset), offset);
            if (read == 0) throw new IOException($"file ended after {offset} of {length} bytes");
            offset += read;
        }
        if (RandomAccess.Read(file, new byte[1], length) != 0) throw new IOException($"file is longer than {length} bytes");
        return Put(bytes);
    }

    public void Commit()
    {
        foreach (var (reference, artifact) in _pending)
        {
            _committed[reference] = artifact;
            _pending.TryRemove(reference, out _);
        }
    }

    public bool TryGetEntry(Reference reference, out IndexEntry entry)
    {
        if (_committed.TryGetValue(reference, out var artifact))
        {
            entry = new IndexEntry(reference, DomainId.Local, Visibility.Internal, DomainId.None, artifact.TypeTag, (ulong)artifact.Bytes.Length, false, []);
            return true;
        }
        entry = null!;
        return false;
    }

    public Stream OpenRead(Reference reference) => new MemoryStream(ReadArtifact(reference).Bytes.ToArray(), writable: false);

    public Artifact ReadArtifact(Reference reference) =>
        _committed.TryGetValue(reference, out var artifact) ? artifact : throw new ArtifactNotFoundException(reference, "test");
}
