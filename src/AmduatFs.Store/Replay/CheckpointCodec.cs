using System.Buffers.Binary;
using System.Security.Cryptography;
using AmduatFs.Core;
using static AmduatFs.Store.Replay.CheckpointLayout;

namespace AmduatFs.Store.Replay;

/// <summary>
/// The checkpoint file (docs/format.md): header, five sections in ascending
/// logseq, SHA-256 trailer. The decoder trusts nothing the trailer does not cover and accepts one encoding
/// per checkpoint; whether the records agree with each other is <see cref="ReplayState.FromCheckpoint"/>'s check.
/// </summary>
internal static class CheckpointCodec
{
    /// <summary>Encodes, then proves the bytes decode back to the same checkpoint before returning them.</summary>
    /// <exception cref="ArgumentException">the checkpoint breaks the format's rules (order, empty or oversized names, a lift at logseq 0).</exception>
    public static byte[] Encode(Checkpoint checkpoint)
    {
        byte[] bytes = Serialize(checkpoint);
        try
        {
            if (!Serialize(Decode(bytes, "being written")).AsSpan().SequenceEqual(bytes))
                throw new InvalidOperationException("checkpoint encoding does not survive its own decoder");
        }
        catch (CorruptDataException rejected)
        {
            throw new ArgumentException($"checkpoint cannot be encoded: {rejected.Reason}", nameof(checkpoint), rejected);
        }
        return bytes;
    }

    /// <param name="name">names the file in errors.</param>
    /// <exception cref="CorruptDataException">anything about the bytes is wrong; fall back to full replay.</exception>
    public static Checkpoint Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < Length.Smallest)
            throw new CorruptDataException("checkpoint", name, $"file is {bytes.Length} bytes; the smallest checkpoint is {Length.Smallest}");
        if (!bytes[..Length.Magic].SequenceEqual(Magic))
            throw new CorruptDataException("checkpoint", name, $"magic is {Convert.ToHexStringLower(bytes[..Length.Magic])}, not ASLCKPT1", offset: Offset.Magic);
        var body = bytes[..^Length.Trailer];
        Span<byte> expected = stackalloc byte[Length.Trailer];
        SHA256.HashData(body, expected);
        if (!bytes[^Length.Trailer..].SequenceEqual(expected))
            throw new CorruptDataException("checkpoint", name, "trailer does not match the SHA-256 of the preceding bytes", offset: body.Length);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[Offset.Version..]);
        if (version != SupportedVersion)
            throw new CorruptDataException("checkpoint", name, $"version {version} is not supported (only {SupportedVersion})", offset: Offset.Version);

        var reader = new CheckpointReader(body, Offset.LastLogseq, name);
        ulong lastLogseq = reader.U64("last logseq");
        var lastHash = reader.Digest("last record hash");
        ulong logByteOffset = reader.U64("log byte offset");
        ulong nextSnapshotId = reader.U64("next snapshot id");
        ulong nextSegmentId = reader.U64("next segment id");
        uint nextDomainId = reader.U32("next domain id");
        var order = new SectionOrder(lastLogseq);

        var domains = new List<DomainInfo>();
        for (uint i = reader.U32("domain count"); i > 0; i--)
        {
            ulong logseq = order.Next(ref reader, "domain");
            var id = DomainOf(ref reader, "domain id");
            domains.Add(new DomainInfo(logseq, id, reader.Text("domain name")));
        }

        order.Restart();
        var segments = new List<SealedSegment>();
        for (uint i = reader.U32("segment count"); i > 0; i--)
        {
            ulong logseq = order.Next(ref reader, "segment seal");
            ulong segmentId = reader.U64("segment id");
            segments.Add(new SealedSegment(segmentId, reader.Digest("segment hash"), logseq));
        }

        order.Restart();
        var tombstones = new List<TombstoneInfo>();
        for (uint i = reader.U32("tombstone count"); i > 0; i--)
        {
            ulong logseq = order.Next(ref reader, "tombstone");
            var domain = DomainOf(ref reader, "tombstone domain");
            var reference = reader.Reference("tombstone reference");
            int at = reader.Offset;
            ulong liftedAt = reader.U64("tombstone lifted_at");
            if (liftedAt != NotLifted && (liftedAt <= logseq || liftedAt > lastLogseq))
                throw reader.Damage($"tombstone at logseq {logseq} is lifted at {liftedAt}, outside {logseq + 1}..{lastLogseq}", at);
            tombstones.Add(new TombstoneInfo(logseq, domain, reference, liftedAt == NotLifted ? null : liftedAt));
        }

        order.Restart();
        var snapshots = new List<SnapshotInfo>();
        for (uint i = reader.U32("snapshot count"); i > 0; i--)
        {
            ulong logseq = order.Next(ref reader, "snapshot");
            var domain = DomainOf(ref reader, "snapshot domain");
            ulong snapshotId = reader.U64("snapshot id");
            string snapshotName = reader.Text("snapshot name");
            var root = reader.Reference("snapshot root");
            snapshots.Add(new SnapshotInfo(domain, snapshotId, snapshotName, root, reader.I64("snapshot time"), logseq));
        }

        order.Restart();
        var stagingRoots = new List<StagingRootInfo>();
        for (uint i = reader.U32("staging root count"); i > 0; i--)
        {
            ulong logseq = order.Next(ref reader, "staging root");
            var domain = DomainOf(ref reader, "staging root domain");
            stagingRoots.Add(new StagingRootInfo(logseq, domain, reader.Reference("staging root")));
        }

        if (reader.Remaining != 0)
            throw reader.Damage($"{reader.Remaining} unexpected bytes before the trailer", reader.Offset);
        return new Checkpoint(lastLogseq, lastHash, logByteOffset, nextSnapshotId, nextSegmentId, nextDomainId,
            domains, segments, tombstones, snapshots, stagingRoots);
    }

    private static DomainId DomainOf(ref CheckpointReader reader, string field)
    {
        int at = reader.Offset;
        uint id = reader.U32(field);
        if (id == DomainId.None.Value) throw reader.Damage($"{field} is 0, which is reserved", at);
        return new DomainId(id);
    }

    private static byte[] Serialize(Checkpoint checkpoint)
    {
        var writer = new CheckpointWriter();
        writer.Bytes(Magic);
        writer.U32(SupportedVersion);
        writer.U64(checkpoint.LastLogseq);
        writer.Digest(checkpoint.LastRecordHash);
        writer.U64(checkpoint.LogByteOffset);
        writer.U64(checkpoint.NextSnapshotId);
        writer.U64(checkpoint.NextSegmentId);
        writer.U32(checkpoint.NextDomainId);

        writer.U32((uint)checkpoint.Domains.Count);
        foreach (var domain in checkpoint.Domains)
        {
            writer.U64(domain.Logseq);
            writer.U32(domain.Id.Value);
            writer.Text(domain.Name, "domain name");
        }

        writer.U32((uint)checkpoint.Segments.Count);
        foreach (var segment in checkpoint.Segments)
        {
            writer.U64(segment.SealLogseq);
            writer.U64(segment.SegmentId);
            writer.Digest(segment.Hash);
        }

        writer.U32((uint)checkpoint.Tombstones.Count);
        foreach (var tombstone in checkpoint.Tombstones)
        {
            if (tombstone.LiftedAt == NotLifted) throw new ArgumentException($"tombstone at logseq {tombstone.Logseq} is lifted at logseq 0", nameof(checkpoint));
            writer.U64(tombstone.Logseq);
            writer.U32(tombstone.Domain.Value);
            writer.Reference(tombstone.Reference);
            writer.U64(tombstone.LiftedAt ?? NotLifted);
        }

        writer.U32((uint)checkpoint.Snapshots.Count);
        foreach (var snapshot in checkpoint.Snapshots)
        {
            writer.U64(snapshot.Logseq);
            writer.U32(snapshot.Domain.Value);
            writer.U64(snapshot.SnapshotId);
            writer.Text(snapshot.Name, "snapshot name");
            writer.Reference(snapshot.Root);
            writer.I64(snapshot.CreatedUnixNanoseconds);
        }

        writer.U32((uint)checkpoint.StagingRoots.Count);
        foreach (var staging in checkpoint.StagingRoots)
        {
            writer.U64(staging.Logseq);
            writer.U32(staging.Domain.Value);
            writer.Reference(staging.Root);
        }
        return writer.Finish();
    }

    /// <summary>Each section lists records in strictly ascending logseq within 1..last logseq.</summary>
    private struct SectionOrder(ulong lastLogseq)
    {
        private ulong _previous;

        public void Restart() => _previous = 0;

        public ulong Next(ref CheckpointReader reader, string what)
        {
            int at = reader.Offset;
            ulong logseq = reader.U64($"{what} logseq");
            if (logseq <= _previous || logseq > lastLogseq)
                throw reader.Damage($"{what} logseq {logseq} is not in {_previous + 1}..{lastLogseq} (sections are in ascending logseq)", at);
            _previous = logseq;
            return logseq;
        }
    }
}
