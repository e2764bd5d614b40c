using System.Globalization;
using System.Text;
using AmduatFs.Core;
using AmduatFs.Mount.Trees;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Mount.Virtual;

/// <summary>
/// Where an artifact was ingested: every path of every snapshot (and of committed staging) whose entry names
/// it, with the entry's mtime and the snapshot's time. Found by walking trees; each distinct tree is walked
/// once per report, so unchanged subtrees shared by many snapshots cost nothing extra.
/// </summary>
internal static class IngestReport
{
    private const int MaxPathsPerRoot = 100;

    public static string Build(ArtifactStore store, DomainId domain, string domainName, Reference artifact, TreeCache trees)
    {
        var view = store.View(domain);
        var text = new StringBuilder();
        view.TryGetEntry(artifact, out var entry);
        text.Append("artifact ").Append(artifact).Append('\n');
        text.Append("domain ").Append(domainName).Append('\n');
        text.Append("size ").Append(entry.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("kind ").Append(entry.TypeTag == TreeArtifacts.TypeTag ? "tree" : "file").Append('\n');
        var found = new Dictionary<Reference, List<(string Path, long Mtime)>>();
        foreach (var snapshot in store.Snapshots(domain).OrderBy(s => s.SnapshotId))
        {
            foreach (var (path, mtime) in Find(view, snapshot.Root, artifact, trees, found))
                text.Append("snapshot ").Append(snapshot.Name)
                    .Append(" taken ").Append(Time(snapshot.CreatedUnixNanoseconds))
                    .Append(" path /").Append(path)
                    .Append(" mtime ").Append(Time(mtime)).Append('\n');
        }
        if (store.StagingRoot(domain) is { } staging)
            foreach (var (path, mtime) in Find(view, staging, artifact, trees, found))
                text.Append("staging path /").Append(path).Append(" mtime ").Append(Time(mtime)).Append('\n');
        return text.ToString();
    }

    private static List<(string Path, long Mtime)> Find(IArtifactSource view, Reference tree, Reference artifact, TreeCache trees,
        Dictionary<Reference, List<(string, long)>> found)
    {
        if (found.TryGetValue(tree, out var known)) return known;
        var paths = new List<(string, long)>();
        found[tree] = paths;
        foreach (var entry in trees.Get(view, tree).Entries)
        {
            if (paths.Count >= MaxPathsPerRoot) break;
            if (entry.Target == artifact) paths.Add((entry.DisplayName, entry.MtimeNanoseconds));
            if (entry.Kind == EntryKind.Directory)
                foreach (var (path, mtime) in Find(view, entry.Target!, artifact, trees, found))
                    paths.Add((entry.DisplayName + "/" + path, mtime));
        }
        return paths;
    }

    private static string Time(long unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNanoseconds / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
