using System.Text;
using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;

namespace AmduatFs.Mount.Virtual;

/// <summary>The mount's root: one folder per domain.</summary>
internal sealed class RootNode(MountContext context) : VirtualDirectory(context, 1)
{
    private readonly Dictionary<string, DomainNode> _domains = new(StringComparer.Ordinal);

    public override int Lookup(ReadOnlySpan<byte> name, out Node? child)
    {
        string text = Encoding.UTF8.GetString(name);
        var domain = Context.Store.Domains().FirstOrDefault(d => d.Name == text);
        if (domain.Name is null)
        {
            child = null;
            return Errno.ENOENT;
        }
        lock (_domains)
        {
            if (!_domains.TryGetValue(text, out var node)) _domains.Add(text, node = new DomainNode(Context, domain.Id, text));
            child = node;
        }
        return 0;
    }

    public override int List(out ListingEntry[] entries)
    {
        entries = Context.Store.Domains()
            .Select(d => DirectoryEntry(Encoding.UTF8.GetBytes(d.Name), DomainNode.InoOf(d.Name)))
            .ToArray();
        return 0;
    }
}
