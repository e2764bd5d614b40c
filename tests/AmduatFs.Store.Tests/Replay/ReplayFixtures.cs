using System.Security.Cryptography;
using System.Text;
using AmduatFs.Core;
using AmduatFs.Store.Log;
using AmduatFs.Store.Replay;

namespace AmduatFs.Store.Tests.Replay;

/// <summary>One log record as replay consumes it: a seal with its segment's entries, a decoded payload, or an unknown type.</summary>
internal abstract record Step(ulong Logseq);

internal sealed record SealStep(ulong Logseq, SegmentSeal Seal, IndexEntry[] Entries) : Step(Logseq);

internal sealed record PayloadStep(ulong Logseq, LogPayload Payload) : Step(Logseq);

internal sealed record UnknownStep(ulong Logseq) : Step(Logseq);

internal static class ReplayFixtures
{
    public static Reference Ref(int n) => Reference.Sha256(SHA256.HashData(Encoding.UTF8.GetBytes($"artifact {n}")));

    public static Digest256 Digest(string text) => Digest256.Of(Encoding.UTF8.GetBytes(text));

    public static IndexEntry Entry(DomainId domain, Reference reference, string chunk = "chunk", uint offset = 0) =>
        new(reference, domain, Visibility.Internal, DomainId.None, null, 10, false,
            [new Extent(Digest(chunk), Digest("block"), offset, 10)]);

    public static IndexEntry TombstoneEntry(DomainId domain, Reference reference) =>
        new(reference, domain, Visibility.Internal, DomainId.None, null, 0, true, []);

    public static SegmentSeal Seal(ulong segmentId) => new(segmentId, Digest($"segment {segmentId}"));

    public static DomainId Other => new(2);

    /// <summary>A state whose log starts with DOMAIN_CREATE(1, local) at 1 and DOMAIN_CREATE(2, other) at 2.</summary>
    public static ReplayState TwoDomains()
    {
        var state = new ReplayState();
        state.Apply(1, new DomainCreate(DomainId.Local, DomainId.LocalName));
        state.Apply(2, new DomainCreate(Other, "other"));
        return state;
    }

    public static void ApplyTo(ReplayState state, Step step)
    {
        switch (step)
        {
            case SealStep seal: state.ApplySeal(seal.Logseq, seal.Seal, seal.Entries); break;
            case PayloadStep payload: state.Apply(payload.Logseq, payload.Payload); break;
            default: state.ApplyUnknown(step.Logseq); break;
        }
    }

    public static ReplayState ReplayAll(IEnumerable<Step> steps)
    {
        var state = new ReplayState();
        foreach (var step in steps) ApplyTo(state, step);
        return state;
    }

    public static CorruptDataException Damage(Action action, string kind = "log record")
    {
        var damage = Assert.Throws<CorruptDataException>(action);
        Assert.Equal(kind, damage.ObjectKind);
        return damage;
    }
}
