using AmduatFs.Core;
using AmduatFs.Store.Log;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Log;

internal static class LogSamples
{
    public static Reference Ref(byte fill) => Reference.Sha256(Enumerable.Repeat(fill, 32).ToArray());

    public static Digest256 Digest(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());

    public static readonly DomainId Photos = new(7);

    public static IEnumerable<LogPayload> OneOfEach() =>
    [
        new SegmentSeal(1, Digest(0xa1)),
        new Tombstone(DomainId.Local, Ref(0xb2)),
        new TombstoneLift(2, DomainId.Local, Ref(0xb2)),
        new SnapshotAnchor(Photos, 3, "2026-11-22 holiday ✓", Ref(0xc3), 1_795_000_000_123_456_789),
        new DomainCreate(Photos, "photos"),
        new StagingRoot(DomainId.Local, Ref(0xd4)),
    ];

    public static TheoryData<LogPayload> OneOfEachData() => new(OneOfEach());

    private static readonly Gen<Reference> References =
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32)
        select Reference.Sha256(bytes);

    private static readonly Gen<DomainId> Domains = Gen.Choose(1, int.MaxValue).Select(d => new DomainId((uint)d));

    private static readonly Gen<ulong> Positive = Gen.Choose(1, int.MaxValue).Select(v => (ulong)v * 7919);

    private static readonly Gen<string> Names =
        from length in Gen.Choose(1, 40)
        from chars in Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '-', ' ', '.', 'é', '✓', '漢'), length)
        let name = new string(chars)
        where name is not ("." or "..")
        select name;

    public static readonly Gen<LogPayload> Payloads = Gen.OneOf(
        from id in Positive
        from fill in Gen.Choose(0, 255)
        select (LogPayload)new SegmentSeal(id, Digest((byte)fill)),
        from domain in Domains
        from reference in References
        select (LogPayload)new Tombstone(domain, reference),
        from logseq in Positive
        from domain in Domains
        from reference in References
        select (LogPayload)new TombstoneLift(logseq, domain, reference),
        from domain in Domains
        from id in Positive
        from name in Names
        from root in References
        from created in Gen.Choose(int.MinValue, int.MaxValue).Select(t => (long)t * 1_000_000_007)
        select (LogPayload)new SnapshotAnchor(domain, id, name, root, created),
        from domain in Domains
        from name in Names
        select (LogPayload)new DomainCreate(domain, name),
        from domain in Domains
        from root in References
        select (LogPayload)new StagingRoot(domain, root));
}
