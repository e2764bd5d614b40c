using AmduatFs.Store;
using Microsoft.Extensions.Logging;

namespace AmduatFs.Mount.Trees;

/// <summary>What every node of one immutable tree shares: where its artifacts are read and how it is named.</summary>
internal sealed record TreeContext(IArtifactSource Source, string Domain, string? Snapshot, TreeCache Trees, ILogger Logger);
