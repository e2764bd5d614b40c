namespace AmduatFs.Mount.Nodes;

/// <summary>
/// The FUSE node ids the kernel holds, with their lookup counts. A node gets an id when the kernel first
/// learns of it and loses it when the kernel forgets it; ids are never reused. The root is id 1 forever.
/// </summary>
internal sealed class NodeTable
{
    public const ulong RootId = 1;

    private readonly object _gate = new();
    private readonly Dictionary<ulong, Node> _nodes = new();
    private ulong _nextId = RootId + 1;

    public NodeTable(Node root)
    {
        root.NodeId = RootId;
        root.Lookups = 1;
        _nodes.Add(RootId, root);
    }

    public int Count
    {
        get { lock (_gate) return _nodes.Count; }
    }

    public Node? Get(ulong id)
    {
        lock (_gate) return _nodes.GetValueOrDefault(id);
    }

    /// <summary>Counts one more kernel reference to <paramref name="node"/>; returns its node id.</summary>
    public ulong Remember(Node node)
    {
        lock (_gate)
        {
            if (node.NodeId == 0)
            {
                node.NodeId = _nextId++;
                _nodes.Add(node.NodeId, node);
            }
            node.Lookups++;
            return node.NodeId;
        }
    }

    public void Forget(ulong id, ulong lookups)
    {
        Node? forgotten = null;
        lock (_gate)
        {
            if (id == RootId || !_nodes.TryGetValue(id, out var node)) return;
            node.Lookups = lookups >= node.Lookups ? 0 : node.Lookups - lookups;
            if (node.Lookups == 0)
            {
                _nodes.Remove(id);
                node.NodeId = 0;
                forgotten = node;
            }
        }
        forgotten?.Forgotten();
    }
}
