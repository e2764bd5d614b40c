using AmduatFs.Core;
using AmduatFs.Store.Log;
using FsCheck;
using FsCheck.Fluent;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

/// <summary>
/// Turns a list of numbers (which FsCheck generates and shrinks) into a valid log: domain creates, seals of
/// segments with overlapping keys and tombstone entries, tombstones, lifts of earlier tombstones, snapshot
/// anchors, staging roots and unknown records, with gaps between logseqs. Small pools make keys collide.
/// </summary>
internal static class HistoryGenerator
{
    public const int ReferencePool = 4;
    public const int NamePool = 4;
    public const int ChunkPool = 6;
    public const uint MaxDomains = 3;

    private static readonly Reference[] References = Enumerable.Range(0, ReferencePool).Select(Ref).ToArray();
    private static readonly Digest256[] Chunks = Enumerable.Range(0, ChunkPool).Select(n => Digest($"chunk {n}")).ToArray();

    public static Reference PoolRef(int n) => References[n];

    public static Digest256 PoolChunk(int n) => Chunks[n];

    /// <summary>Uniform choices, so every kind of record is likely; shrinking moves them toward 0 and drops them.</summary>
    public static Arbitrary<int[]> Choices { get; } = Arb.From(
        Gen.Choose(30, 200).SelectMany(length => Gen.Choose(0, int.MaxValue).ArrayOf(length)),
        ArbMap.Default.ArbFor<int[]>().Shrinker);

    public static IReadOnlyList<Step> Generate(int[] choices)
    {
        int cursor = 0;
        bool More() => cursor < choices.Length;
        int Pick(int n) => More() ? (int)((uint)choices[cursor++] % (uint)n) : 0;

        var steps = new List<Step> { new PayloadStep(1, new DomainCreate(DomainId.Local, DomainId.LocalName)) };
        ulong logseq = 1;
        uint domains = 1;
        ulong segmentId = 0, snapshotId = 0;
        var tombstones = new List<(ulong Logseq, Tombstone Record)>();
        var lifted = new HashSet<ulong>();
        var snapshotNames = new HashSet<(DomainId, string)>();

        DomainId AnyDomain() => new((uint)Pick((int)domains) + 1);
        ulong NextLogseq() => logseq += 1 + (ulong)(Pick(4) == 0 ? 1 : 0);

        while (More())
        {
            switch (Pick(11))
            {
                case 0 or 1 or 2:
                    segmentId += 1 + (ulong)Pick(2);
                    var entries = new List<IndexEntry>();
                    for (int count = 1 + Pick(4); count > 0; count--)
                    {
                        var domain = AnyDomain();
                        var reference = PoolRef(Pick(ReferencePool));
                        if (entries.Any(e => e.Domain == domain && e.Reference == reference)) continue;
                        entries.Add(Pick(4) == 0
                            ? TombstoneEntry(domain, reference)
                            : new IndexEntry(reference, domain, Visibility.Internal, DomainId.None, null, 10, false,
                                [new Extent(PoolChunk(Pick(ChunkPool)), Digest($"block {segmentId}"), (uint)Pick(100), 10)]));
                    }
                    steps.Add(new SealStep(NextLogseq(), Seal(segmentId), entries.ToArray()));
                    break;
                case 3 or 4:
                    var tombstone = new Tombstone(AnyDomain(), PoolRef(Pick(ReferencePool)));
                    steps.Add(new PayloadStep(NextLogseq(), tombstone));
                    tombstones.Add((logseq, tombstone));
                    break;
                case 5 or 6:
                    var open = tombstones.Where(t => !lifted.Contains(t.Logseq)).ToArray();
                    if (open.Length == 0) break;
                    var (target, record) = open[Pick(open.Length)];
                    lifted.Add(target);
                    steps.Add(new PayloadStep(NextLogseq(), new TombstoneLift(target, record.Domain, record.Reference)));
                    break;
                case 7:
                    var owner = AnyDomain();
                    string name = $"s{Pick(NamePool)}";
                    if (!snapshotNames.Add((owner, name))) break;
                    snapshotId += 1 + (ulong)Pick(2);
                    steps.Add(new PayloadStep(NextLogseq(),
                        new SnapshotAnchor(owner, snapshotId, name, PoolRef(Pick(ReferencePool)), 1_700_000_000_000_000_000 + Pick(1000))));
                    break;
                case 8:
                    steps.Add(new PayloadStep(NextLogseq(), new StagingRoot(AnyDomain(), PoolRef(Pick(ReferencePool)))));
                    break;
                case 9:
                    steps.Add(new UnknownStep(NextLogseq()));
                    break;
                case 10:
                    if (domains == MaxDomains) break;
                    domains++;
                    steps.Add(new PayloadStep(NextLogseq(), new DomainCreate(new DomainId(domains), $"domain-{domains}")));
                    break;
            }
        }
        return steps;
    }
}
