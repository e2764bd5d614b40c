using AmduatFs.Mount.Nodes;
using AmduatFs.Mount.Staging;
using AmduatFs.Mount.Trees;
using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount;

/// <summary>What the mount's nodes share: the store, caches, staging sessions and a way to tell the kernel of changes.</summary>
internal sealed class MountContext(ArtifactStore store, MountSettings settings, ILoggerFactory loggers)
{
    private readonly Dictionary<DomainId, StagingSession> _staging = new();
    private readonly ScratchFiles _scratch = new(Path.Combine(store.Layout.TempDirectory, "staging"));

    public ArtifactStore Store { get; } = store;
    public TreeCache Trees { get; } = new();
    public ILogger Logger { get; } = loggers.CreateLogger("mount");

    /// <summary>The time shown by directories that exist only in the mount: the store's creation, stable across remounts.</summary>
    public long VirtualTimeNanoseconds { get; } =
        (File.GetLastWriteTimeUtc(store.Layout.ConfigPath) - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>Asks the kernel to drop a cached name; set by the filesystem once mounted.</summary>
    public Action<Node, byte[]> InvalidateEntry { get; set; } = (_, _) => { };

    public StagingSession Staging(DomainId domain, string name)
    {
        lock (_staging)
        {
            if (!_staging.TryGetValue(domain, out var session))
                _staging.Add(domain, session = new StagingSession(Store, domain, name, _scratch, settings.CommitDelay, Logger));
            return session;
        }
    }

    public IReadOnlyList<StagingSession> StagingSessions()
    {
        lock (_staging) return [.. _staging.Values];
    }
}
