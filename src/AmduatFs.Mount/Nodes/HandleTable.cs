using System.Collections.Concurrent;

namespace AmduatFs.Mount.Nodes;

/// <summary>Open file and directory handles by the number the kernel passes back (fi->fh).</summary>
internal sealed class HandleTable<T> where T : class
{
    private readonly ConcurrentDictionary<ulong, T> _open = new();
    private long _next;

    public ulong Add(T value)
    {
        ulong handle = (ulong)Interlocked.Increment(ref _next);
        _open[handle] = value;
        return handle;
    }

    public T? Get(ulong handle) => _open.GetValueOrDefault(handle);

    public T? Remove(ulong handle) => _open.TryRemove(handle, out var value) ? value : null;

    public IReadOnlyCollection<T> All => [.. _open.Values];
}
