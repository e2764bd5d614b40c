using AmduatFs.Core;
using AmduatFs.Store;
using AmduatFs.Store.Replay;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Namespace;

/// <summary>A domain's staging tree: what `import` changes and `snapshot create` seals.</summary>
public static class Staging
{
    /// <summary>The name the CLI uses for the staging tree where it expects a snapshot name.</summary>
    public const string Name = "staging";

    public sealed record ImportOutcome(string StagingPath, long Files, long Bytes, Reference Tree, Reference StagingRoot);

    /// <summary>
    /// Imports <paramref name="directory"/> and places it at <paramref name="stagingPath"/> (default
    /// <c>/basename</c>; <c>/</c> replaces the whole staging tree). Durable when this returns: the blocks,
    /// the segment and the new staging root go out in one commit.
    /// </summary>
    public static ImportOutcome Import(ArtifactStore store, DomainId domain, string directory, string? stagingPath,
        ILoggerFactory loggers, IProgress<ImportProgress>? progress = null)
    {
        var sink = store.Sink(domain);
        var result = new TreeImporter(loggers.CreateLogger("import")).Import(directory, sink, progress);
        string path = "/" + (stagingPath ?? result.RootEntry.DisplayName).Trim('/');
        Reference root;
        if (path == "/")
            root = result.RootEntry.Target!;
        else
        {
            var parts = TreePaths.Split(path);
            var entry = result.RootEntry with { Name = parts[^1] };
            root = TreeEditor.Graft(store.View(domain), sink, store.StagingRoot(domain), path, entry);
        }
        store.SetStagingRoot(domain, root);
        store.Commit();
        return new ImportOutcome(path, result.Files, result.Bytes, result.RootEntry.Target!, root);
    }

    /// <summary>Seals the staging tree (an empty tree if nothing was imported) as snapshot <paramref name="name"/>.</summary>
    public static SnapshotInfo Snapshot(ArtifactStore store, DomainId domain, string name)
    {
        var root = store.StagingRoot(domain) ?? TreeArtifacts.Store(store.Sink(domain), Tree.Create([]));
        return store.CreateSnapshot(domain, name, root);
    }
}
