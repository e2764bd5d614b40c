using AmduatFs.Fuse;
using AmduatFs.Mount.Nodes;

namespace AmduatFs.Mount.Tests;

public sealed class NodeTableTests
{
    private sealed class Probe(ulong ino) : Node
    {
        public int ForgottenCalls;
        public override ulong Ino => ino;
        public override FuseStat Stat() => new() { Ino = ino };
        public override void Forgotten() => ForgottenCalls++;
    }

    [Fact]
    public void A_node_keeps_its_id_until_every_lookup_is_forgotten_and_ids_are_never_reused()
    {
        var table = new NodeTable(new Probe(1));
        var node = new Probe(42);
        ulong id = table.Remember(node);
        Assert.Equal(id, table.Remember(node));
        table.Forget(id, 1);
        Assert.Same(node, table.Get(id));
        table.Forget(id, 1);
        Assert.Null(table.Get(id));
        Assert.Equal(1, node.ForgottenCalls);
        ulong again = table.Remember(node);
        Assert.NotEqual(id, again);
        Assert.Same(node, table.Get(again));
    }

    [Fact]
    public void The_root_is_never_forgotten_and_unknown_ids_are_ignored()
    {
        var root = new Probe(1);
        var table = new NodeTable(root);
        table.Forget(NodeTable.RootId, 1000);
        table.Forget(999, 1);
        Assert.Same(root, table.Get(NodeTable.RootId));
        Assert.Equal(1, table.Count);
    }
}
