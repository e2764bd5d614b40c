namespace AmduatFs.Namespace.Tests;

public sealed class TreeTests
{
    [Fact]
    public void Create_sorts_by_name_bytes_not_by_culture()
    {
        var tree = Tree.Create([Samples.File("b"), Samples.File("a"), Samples.File("B"), Samples.File("\u00e9"), Samples.File("a b")]);
        Assert.Equal(["B", "a", "a b", "b", "\u00e9"], tree.Entries.Select(e => e.DisplayName));
    }

    [Fact]
    public void Find_uses_exact_bytes()
    {
        var tree = Tree.Create(Enumerable.Range(0, 100).Select(i => Samples.File($"f{i}")));
        Assert.Equal("f42", tree.Find("f42")!.DisplayName);
        Assert.Null(tree.Find("F42"));
        Assert.Null(tree.Find("f100"));
        Assert.Equal(~0, Tree.Empty.IndexOf("x"u8));
    }

    [Fact]
    public void With_replaces_or_inserts_in_order_and_Without_removes()
    {
        var tree = Tree.Create([Samples.File("a"), Samples.File("c")]);
        var inserted = tree.With(Samples.File("b"));
        Assert.Equal(["a", "b", "c"], inserted.Entries.Select(e => e.DisplayName));
        var replaced = inserted.With(Samples.File("b", "new"));
        Assert.Equal(Samples.File("b", "new"), replaced.Find("b"));
        Assert.Equal(3, replaced.Entries.Count);
        Assert.Equal(["a", "c"], replaced.Without("b"u8).Entries.Select(e => e.DisplayName));
        Assert.Same(tree, tree.Without("zz"u8));
        Assert.Equal(2, tree.Entries.Count);
    }
}
