using AmduatFs.Core;
using AmduatFs.Namespace;
using AmduatFs.Store;
using AmduatFs.Store.Replay;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount.Staging;

/// <summary>
/// One domain's writable staging tree as the mount shows it: the in-memory tree, its scratch files and its
/// group commit. <see cref="Gate"/> guards the tree's shape and metadata; each file guards its own bytes.
/// Lock order: <see cref="Gate"/> before a file's lock, never the other way round.
/// </summary>
internal sealed class StagingSession : IDisposable
{
    private readonly HashSet<ulong> _inos = [];
    private readonly List<StagingFile> _awaitingCommit = [];
    private readonly HashSet<StagingFile> _withScratch = [];
    private readonly StagingCommitter _committer;

    public StagingSession(ArtifactStore store, DomainId domain, string domainName, ScratchFiles scratch, TimeSpan commitDelay, ILogger logger)
    {
        Store = store;
        Domain = domain;
        DomainName = domainName;
        Scratch = scratch;
        Logger = logger;
        Sink = store.Sink(domain);
        Root = StagingDirectory.CreateRoot(this, store.StagingRoot(domain), IssueIno(InodeNumbers.Root(domainName, Namespace.Staging.Name)));
        _committer = new StagingCommitter(CommitRound, commitDelay, logger, $"commit {domainName}");
        Sealer = new Sealer(logger, $"seal {domainName}");
    }

    public Sealer Sealer { get; }

    public object Gate { get; } = new();
    public ArtifactStore Store { get; }
    public DomainId Domain { get; }
    public string DomainName { get; }
    public IArtifactSink Sink { get; }
    public ScratchFiles Scratch { get; }
    public ILogger Logger { get; }
    public StagingDirectory Root { get; }

    public IArtifactSource View => Store.View(Domain);

    public Tree LoadTree(Reference tree) => TreeArtifacts.Load(View, tree);

    /// <summary>A st_ino no other staging node of this mount has, <paramref name="wanted"/> when it is free.</summary>
    public ulong IssueIno(ulong wanted)
    {
        lock (_inos)
        {
            while (!_inos.Add(wanted)) wanted = (wanted * 6364136223846793005UL + 1442695040888963407UL) | 2;
            return wanted;
        }
    }

    public void Changed() => _committer.Schedule();

    internal void TrackScratch(StagingFile file, bool present)
    {
        lock (_withScratch)
        {
            if (present) _withScratch.Add(file);
            else _withScratch.Remove(file);
        }
    }

    internal void AwaitCommit(StagingFile file)
    {
        lock (_awaitingCommit) _awaitingCommit.Add(file);
        _committer.Schedule();
    }

    /// <summary>Makes every sealed file and every change to the tree durable before returning.</summary>
    public void CommitNow() => _committer.CommitNow();

    /// <summary>Seals every closed file still waiting for the sealer, then commits.</summary>
    public void SealAndCommit()
    {
        Sealer.Drain();
        CommitNow();
    }

    public SnapshotInfo CreateSnapshot(string name)
    {
        SealAndCommit();
        return Namespace.Staging.Snapshot(Store, Domain, name);
    }

    private void CommitRound()
    {
        Reference root;
        List<StagingFile> sealedFiles;
        lock (Gate)
        {
            lock (_awaitingCommit)
            {
                if (!Root.IsDirty && _awaitingCommit.Count == 0) return;
                sealedFiles = [.. _awaitingCommit];
                _awaitingCommit.Clear();
            }
            root = Root.BuildTree();
        }
        try
        {
            Store.SetStagingRoot(Domain, root);
            Store.Commit();
        }
        catch
        {
            // The failed batch took every uncommitted put with it: rebuild the trees and reseal the files.
            lock (Gate) Root.MarkAllDirty();
            foreach (var file in FilesWithScratch()) file.SealWasLost();
            lock (_awaitingCommit) _awaitingCommit.AddRange(sealedFiles);
            throw;
        }
        foreach (var file in sealedFiles) file.SealCommitted();
    }

    private StagingFile[] FilesWithScratch()
    {
        lock (_withScratch) return [.. _withScratch];
    }

    /// <summary>Seals files still being written (their handles are gone with the mount) and commits everything.</summary>
    public void Shutdown()
    {
        Sealer.Drain();
        foreach (var file in FilesWithScratch()) file.SealIfChanged();
        CommitNow();
    }

    public void Dispose()
    {
        Sealer.Dispose();
        _committer.Dispose();
    }
}
