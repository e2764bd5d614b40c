using AmduatFs.Core;
using AmduatFs.Namespace.Posix;

namespace AmduatFs.Namespace.Tests;

public sealed class TreePathsTests
{
    private readonly InMemoryStore _store = new();

    /// <summary>root: docs/ (readme, deep/ (leaf)), top.txt</summary>
    private Reference Sample()
    {
        var deep = TreeArtifacts.Store(_store, Tree.Create([Samples.File("leaf", "leaf")]));
        var docs = TreeArtifacts.Store(_store, Tree.Create([Samples.File("readme", "r"), Samples.Directory("deep", deep)]));
        var root = TreeArtifacts.Store(_store, Tree.Create([Samples.Directory("docs", docs), Samples.File("top.txt", "t")]));
        _store.Commit();
        return root;
    }

    [Theory]
    [InlineData("docs/deep/leaf")]
    [InlineData("/docs//deep/leaf/")]
    public void Resolve_finds_nested_entries(string path)
    {
        var entry = TreePaths.Resolve(_store, Sample(), path);
        Assert.Equal("leaf", entry.DisplayName);
        Assert.Equal(Samples.Content("leaf"), entry.Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public void Resolve_of_the_root_is_a_synthetic_directory(string path)
    {
        var root = Sample();
        var entry = TreePaths.Resolve(_store, root, path);
        Assert.Equal(EntryKind.Directory, entry.Kind);
        Assert.Equal(root, entry.Target);
        Assert.Empty(entry.Name);
    }

    [Fact]
    public void Resolve_reports_missing_paths_and_files_used_as_directories()
    {
        var root = Sample();
        var missing = Assert.Throws<PathNotFoundException>(() => TreePaths.Resolve(_store, root, "docs/nope/leaf"));
        Assert.Equal("docs/nope/leaf", missing.Path);
        Assert.Contains("'docs/nope'", missing.Message);
        var notDirectory = Assert.Throws<NotADirectoryException>(() => TreePaths.Resolve(_store, root, "top.txt/x"));
        Assert.Equal("top.txt", notDirectory.Path);
        Assert.Throws<ArgumentException>(() => TreePaths.Resolve(_store, root, "docs/../top.txt"));
    }

    [Fact]
    public void Resolve_of_a_non_tree_target_is_corruption()
    {
        var blob = _store.Put("not a tree"u8);
        _store.Commit();
        Assert.Throws<CorruptDataException>(() => TreePaths.Resolve(_store, blob, "x"));
    }

    [Fact]
    public void Graft_replaces_an_entry_and_keeps_ancestor_metadata()
    {
        var root = Sample();
        var oldDocs = TreePaths.Resolve(_store, root, "docs");
        var newRoot = TreeEditor.Graft(_store, _store, root, "docs/deep/leaf", Samples.File("ignored-name", "new leaf"));
        _store.Commit();

        var leaf = TreePaths.Resolve(_store, newRoot, "docs/deep/leaf");
        Assert.Equal("leaf", leaf.DisplayName);
        Assert.Equal(Samples.Content("new leaf"), leaf.Target);
        var newDocs = TreePaths.Resolve(_store, newRoot, "docs");
        Assert.Equal(oldDocs with { Target = newDocs.Target }, newDocs);
        Assert.NotEqual(oldDocs.Target, newDocs.Target);
        Assert.Equal(TreePaths.Resolve(_store, root, "top.txt"), TreePaths.Resolve(_store, newRoot, "top.txt"));
        Assert.Equal(Samples.Content("leaf"), TreePaths.Resolve(_store, root, "docs/deep/leaf").Target); // old root untouched
    }

    [Fact]
    public void Graft_creates_missing_directories_owned_by_this_process()
    {
        long before = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        var newRoot = TreeEditor.Graft(_store, _store, null, "staging/import/a.txt", Samples.File("x", "a"));
        _store.Commit();

        var staging = TreePaths.Resolve(_store, newRoot, "staging");
        Assert.Equal(EntryKind.Directory, staging.Kind);
        Assert.Equal(0x1EDu, staging.Mode);
        Assert.Equal(PosixCalls.EffectiveUid, staging.Uid);
        Assert.Equal(PosixCalls.EffectiveGid, staging.Gid);
        Assert.InRange(staging.MtimeNanoseconds, before, before + 60_000_000_000L);
        Assert.Equal(Samples.Content("a"), TreePaths.Resolve(_store, newRoot, "staging/import/a.txt").Target);
    }

    [Fact]
    public void Graft_removes_entries()
    {
        var root = Sample();
        var newRoot = TreeEditor.Graft(_store, _store, root, "docs/readme", null);
        _store.Commit();
        Assert.Throws<PathNotFoundException>(() => TreePaths.Resolve(_store, newRoot, "docs/readme"));
        Assert.Equal("deep", Assert.Single(TreeArtifacts.Load(_store, TreePaths.Resolve(_store, newRoot, "docs").Target!).Entries).DisplayName);

        var emptied = TreeEditor.Graft(_store, _store, newRoot, "docs/deep/leaf", null);
        _store.Commit();
        Assert.Equal(TreeArtifacts.EmptyTree, TreePaths.Resolve(_store, emptied, "docs/deep").Target);

        Assert.Throws<PathNotFoundException>(() => TreeEditor.Graft(_store, _store, root, "docs/nothing", null));
        Assert.Throws<PathNotFoundException>(() => TreeEditor.Graft(_store, _store, root, "nothing/x", null));
    }

    [Fact]
    public void Graft_refuses_to_go_through_a_file()
    {
        var root = Sample();
        Assert.Throws<NotADirectoryException>(() => TreeEditor.Graft(_store, _store, root, "top.txt/x", Samples.File("x")));
    }

    [Fact]
    public void Graft_at_the_root_replaces_it()
    {
        var root = Sample();
        var other = TreeArtifacts.Store(_store, Tree.Create([Samples.File("only")]));
        Assert.Equal(other, TreeEditor.Graft(_store, _store, root, "/", Samples.Directory("any", other)));
        Assert.Equal(TreeArtifacts.EmptyTree, TreeEditor.Graft(_store, _store, root, "", null));
        Assert.Throws<ArgumentException>(() => TreeEditor.Graft(_store, _store, root, "", Samples.File("f")));
    }
}
