using System.Buffers.Binary;
using AmduatFs.Core;
using AmduatFs.Store.Blocks;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Store.Tests.Segments;

/// <summary>Entries for segment tests: FsCheck generators, a fixed two-record sample for byte surgery, and comparisons.</summary>
internal static class SegmentSamples
{
    private static readonly Digest256[] BlockPool = Enumerable.Range(0, 5).Select(i => Digest256.Of([(byte)i])).ToArray();

    private static readonly Reference[] SharedReferences =
        Enumerable.Range(0, 3).Select(i => ArtifactEncoding.ComputeReference([(byte)i], null)).ToArray();

    private static Gen<byte[]> Bytes(int length) => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length);

    private static Gen<uint> AnyUInt => Gen.Choose(int.MinValue, int.MaxValue).Select(i => (uint)i);

    private static readonly Gen<Reference> References = Gen.OneOf(
        Bytes(32).Select(d => Reference.Sha256(d)),
        Bytes(32).Select(d => Reference.Sha256(d)),
        Gen.Elements(SharedReferences),
        from id in Gen.Choose(2, 0xFFFF)
        from length in Gen.Choose(1, 64)
        from digest in Bytes(length)
        select Reference.Create(new HashId((ushort)id), digest));

    private static readonly Gen<Extent> Extents =
        from chunk in Bytes(32)
        from block in Gen.Elements(BlockPool)
        from offset in Gen.Choose(16, int.MaxValue)
        from length in Gen.OneOf(Gen.Choose(1, 100), Gen.Choose(1, int.MaxValue))
        select new Extent(new Digest256(chunk), block, (uint)offset, (uint)length);

    private static readonly Gen<IndexEntry> Entries =
        from reference in References
        from domain in Gen.OneOf(Gen.Choose(1, 3).Select(d => (uint)d), Gen.Constant(uint.MaxValue))
        from tombstone in Gen.Elements(false, false, false, true)
        from visibility in Gen.Elements(Visibility.Internal, Visibility.Published)
        from source in Gen.Elements(0u, 1u, 9u, uint.MaxValue)
        from hasTag in Gen.Elements(false, true)
        from tag in AnyUInt
        from extentCount in Gen.Choose(0, 4)
        from extents in Gen.ArrayOf(Extents, extentCount)
        select tombstone
            ? new IndexEntry(reference, new DomainId(domain), visibility, new DomainId(source), null, 0, true, [])
            : new IndexEntry(reference, new DomainId(domain), visibility, new DomainId(source), hasTag ? tag : null,
                (ulong)extents.Sum(e => (long)e.Length), false, extents);

    public static readonly Gen<(ulong Id, IndexEntry[] Entries)> Segments =
        from high in AnyUInt
        from low in AnyUInt
        from count in Gen.Choose(1, 20)
        from entries in Gen.ArrayOf(Entries, count)
        select (((ulong)high << 32) | low, entries.DistinctBy(e => (e.Domain, e.Reference)).ToArray());

    public static bool Same(IndexEntry a, IndexEntry b) =>
        a with { Extents = b.Extents } == b && a.Extents.AsSpan().SequenceEqual(b.Extents);

    public static readonly Digest256 Block0 = BlockPool.Min();
    public static readonly Digest256 Block1 = BlockPool.Where(b => b != Block0).Min();

    /// <summary>
    /// Two records in domain 1 with SHA-256 references and one extent each, so the layout is fixed:
    /// header 0..40, block table 40..104, record 0 at 104, record 1 at 209 (105 bytes each), footer 314..330.
    /// </summary>
    public static IndexEntry[] TwoRecords()
    {
        var first = ArtifactEncoding.ComputeReference("first"u8, null);
        var second = ArtifactEncoding.ComputeReference("second"u8, 7);
        var (low, high) = first.CompareTo(second) < 0 ? (first, second) : (second, first);
        return
        [
            new IndexEntry(low, DomainId.Local, Visibility.Internal, DomainId.None, null, 10, false,
                [new Extent(Digest256.Of("a"u8), Block0, 16, 10)]),
            new IndexEntry(high, DomainId.Local, Visibility.Published, new DomainId(2), 7, 20, false,
                [new Extent(Digest256.Of("b"u8), Block1, 100, 20)]),
        ];
    }

    public const int Record0 = 104;
    public const int Record1 = 209;
    public const int RecordLength = 105;
    public const int FooterOffset = 314;

    /// <summary>Offsets inside a record with a SHA-256 reference, from its start.</summary>
    public const int DomainAt = 35, VisibilityAt = 39, FlagsAt = 44, TypeTagAt = 45, LengthAt = 49, ExtentCountAt = 57,
        ExtentBlockIndexAt = 61 + 32, ExtentOffsetAt = 61 + 36, ExtentLengthAt = 61 + 40;

    /// <summary>Recomputes the footer's CRC so only the semantic rules can reject an edit.</summary>
    public static byte[] Reseal(byte[] segment)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(segment.AsSpan(segment.Length - 16), Crc32C.Compute(segment.AsSpan(0, segment.Length - 16)));
        return segment;
    }
}
