using AmduatFs.Core;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Mount.Trees;

/// <summary>
/// Decoded tree artifacts, least recently used first out, bounded by the total number of entries held so
/// the daemon's memory does not grow with the store.
/// </summary>
internal sealed class TreeCache(int maxEntries = 400_000)
{
    private readonly object _gate = new();
    private readonly Dictionary<Reference, LinkedListNode<(Reference Ref, Tree Tree)>> _byRef = new();
    private readonly LinkedList<(Reference Ref, Tree Tree)> _recent = new();
    private long _entries;

    public Tree Get(IArtifactSource source, Reference tree)
    {
        lock (_gate)
        {
            if (_byRef.TryGetValue(tree, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Tree;
            }
        }
        var loaded = TreeArtifacts.Load(source, tree);
        lock (_gate)
        {
            if (_byRef.ContainsKey(tree)) return loaded;
            _byRef[tree] = _recent.AddFirst((tree, loaded));
            _entries += loaded.Entries.Count;
            while (_entries > maxEntries && _recent.Count > 1)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _byRef.Remove(last.Value.Ref);
                _entries -= last.Value.Tree.Entries.Count;
            }
        }
        return loaded;
    }
}
