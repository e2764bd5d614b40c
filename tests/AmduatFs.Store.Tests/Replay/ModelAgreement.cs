using AmduatFs.Store.Replay;
using static AmduatFs.Store.Tests.Replay.HistoryGenerator;

namespace AmduatFs.Store.Tests.Replay;

/// <summary>
/// Asks a <see cref="ReplayState"/> and the <see cref="ReferenceModel"/> every question at every position.
/// Compares with plain equality (xunit's reflective asserts would dominate the run time) and fails with the question asked.
/// </summary>
internal static class ModelAgreement
{
    public static void AssertAgrees(ReplayState state, IReadOnlyList<Step> steps)
    {
        ulong last = steps[^1].Logseq;
        Agree(last, state.LastLogseq, "last logseq");
        Agree(new IndexState(new ReferenceModel(steps, last).SnapshotId(), last), state.Current, "current");

        for (ulong position = 0; position <= last + 1; position++)
        {
            var model = new ReferenceModel(steps, position);
            if (position <= last) Agree(new IndexState(model.SnapshotId(), position), state.StateAt(position), $"state at {position}");
            AgreeAll(model.Domains(), state.Domains(position), $"domains at {position}");
            for (uint d = 1; d <= MaxDomains + 1; d++)
            {
                var domain = new DomainId(d);
                string where = $"in domain {d} at {position}";
                for (int r = 0; r < ReferencePool; r++)
                {
                    var reference = PoolRef(r);
                    var expected = model.Lookup(domain, reference);
                    if (!ReferenceEquals(expected, state.Lookup(domain, reference, position))) Assert.Fail($"lookup of ref {r} {where}: expected {expected}");
                }
                AgreeAll(model.VisibleEntries(domain), state.VisibleEntries(domain, position), $"visible entries {where}");
                Agree(model.StagingRoot(domain), state.StagingRoot(domain, position), $"staging root {where}");
                var snapshots = model.Snapshots(domain);
                AgreeAll(snapshots, state.Snapshots(domain, position), $"snapshots {where}");
                Agree(snapshots.LastOrDefault(), state.LatestSnapshot(domain, position), $"latest snapshot {where}");
                for (int n = 0; n < NamePool; n++)
                {
                    string name = $"s{n}";
                    Agree(snapshots.SingleOrDefault(s => s.Name == name), state.FindSnapshot(domain, name, position), $"snapshot {name} {where}");
                }
                AgreeAll(model.Tombstones(domain), state.Tombstones(domain, position), $"tombstones {where}");
            }
        }

        var current = new ReferenceModel(steps, last);
        for (int c = 0; c < ChunkPool; c++)
        {
            Extent? found = state.TryFindChunk(PoolChunk(c), out var extent) ? extent : null;
            Agree(current.Chunk(PoolChunk(c)), found, $"chunk {c}");
        }
    }

    private static void Agree<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual)) Assert.Fail($"{what}: expected {expected}, got {actual}");
    }

    private static void AgreeAll<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        if (!expected.SequenceEqual(actual))
            Assert.Fail($"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
    }
}
