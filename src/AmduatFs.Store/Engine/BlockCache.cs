using AmduatFs.Store.Blocks;

namespace AmduatFs.Store.Engine;

/// <summary>Open block readers, bounded in number; a reader's table is verified once when it is opened.</summary>
internal sealed class BlockCache(StoreLayout layout, int capacity = 256) : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<Digest256, LinkedListNode<(Digest256 Id, BlockReader Reader)>> _byId = new();
    private readonly LinkedList<(Digest256 Id, BlockReader Reader)> _recent = new();

    public BlockReader Get(Digest256 id)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(id, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Reader;
            }
        }
        var reader = BlockReader.Open(layout.BlockPath(id), id);
        lock (_gate)
        {
            if (_byId.TryGetValue(id, out var raced))
            {
                reader.Dispose();
                return raced.Value.Reader;
            }
            _byId[id] = _recent.AddFirst((id, reader));
            // Evicted readers are not disposed: a concurrent read may still hold them; the finalizer of the handle closes the fd.
            while (_recent.Count > capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _byId.Remove(last.Value.Id);
            }
            return reader;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var (_, reader) in _recent) reader.Dispose();
            _recent.Clear();
            _byId.Clear();
        }
    }
}
