using AmduatFs.Core;
using AmduatFs.Store.Replay;
using System.Security.Cryptography;
using static AmduatFs.Store.Tests.Replay.ReplayFixtures;

namespace AmduatFs.Store.Tests.Replay;

public sealed class CheckpointCodecTests
{
    /// <summary>The worked example's bytes, as printed in docs/format.md.</summary>
    private const string ExampleHex =
        "41534c434b505431010000000600000000000000cccccccccccccccccccccccc" +
        "ccccccccccccccccccccccccccccccccccccccccf40100000000000002000000" +
        "0000000002000000000000000200000001000000010000000000000001000000" +
        "05006c6f63616c01000000020000000000000001000000000000005e5e5e5e5e" +
        "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e0100000003" +
        "0000000000000001000000000120aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" +
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaa040000000000000001000000050000000000" +
        "000001000000010000000000000002007631000120dddddddddddddddddddddd" +
        "dddddddddddddddddddddddddddddddddddddddddd8877665544332211010000" +
        "00060000000000000001000000000120eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" +
        "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeededc97df3347dbd9ab9a2a8f4ab08415" +
        "d5f6970ba0dfe113f86524cbfcd2a39d";

    // Offsets into the example (see the doc's annotated dump).
    private const int DomainIdAt = 0x5C;
    private const int DomainNameLengthAt = 0x60;
    private const int TombstoneRefHashIdAt = 0xAB;
    private const int LiftedAtAt = 0xCE;
    private const int SnapshotNameAt = 0xF0;
    private const int StagingCountAt = 0x11D;

    private static byte[] Example() => Convert.FromHexString(ExampleHex);

    /// <summary>Recomputes the trailer, so a test reaches the check behind the hash.</summary>
    private static byte[] Resealed(byte[] bytes)
    {
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
        return bytes;
    }

    private static string Rejected(byte[] bytes) =>
        Damage(() => CheckpointCodec.Decode(bytes, "ckpt-7"), "checkpoint").Reason;

    [Fact]
    public void Worked_example_of_the_format_doc_is_what_the_encoder_writes()
    {
        Assert.Equal(ExampleHex, Convert.ToHexStringLower(CheckpointExample.Bytes()));
    }

    [Fact]
    public void Decoding_the_example_gives_back_every_field()
    {
        var decoded = CheckpointCodec.Decode(Example(), "ckpt-7");
        var original = CheckpointExample.Checkpoint();
        Assert.Equal((6ul, CheckpointExample.Filled(0xCC), 500ul, 2ul, 2ul, 2u),
            (decoded.LastLogseq, decoded.LastRecordHash, decoded.LogByteOffset, decoded.NextSnapshotId, decoded.NextSegmentId, decoded.NextDomainId));
        Assert.Equal(original.Domains, decoded.Domains);
        Assert.Equal(original.Segments, decoded.Segments);
        Assert.Equal([new TombstoneInfo(3, DomainId.Local, CheckpointExample.FilledRef(0xAA), 4)], decoded.Tombstones);
        Assert.Equal(original.Snapshots, decoded.Snapshots);
        Assert.Equal([new StagingRootInfo(6, DomainId.Local, CheckpointExample.FilledRef(0xEE))], decoded.StagingRoots);
    }

    [Fact]
    public void Every_flipped_byte_is_rejected()
    {
        var example = Example();
        for (int i = 0; i < example.Length; i++)
        {
            var bytes = (byte[])example.Clone();
            bytes[i] ^= 0x01;
            Rejected(bytes);
        }
    }

    [Fact]
    public void Every_truncation_and_an_extension_are_rejected()
    {
        var example = Example();
        for (int length = 0; length < example.Length; length++) Rejected(example[..length]);
        Rejected([.. example, 0]);
    }

    [Fact]
    public void A_wrong_magic_is_named()
    {
        var bytes = Example();
        bytes[7] = (byte)'2';
        Assert.Contains("magic", Rejected(bytes));
    }

    [Fact]
    public void A_wrong_trailer_is_named()
    {
        var bytes = Example();
        bytes[^1] ^= 0x80;
        Assert.Contains("trailer", Rejected(bytes));
    }

    [Fact]
    public void An_unknown_version_is_rejected_even_with_a_valid_trailer()
    {
        var bytes = Example();
        bytes[8] = 2;
        Assert.Contains("version 2", Rejected(Resealed(bytes)));
    }

    [Fact]
    public void Checks_behind_the_trailer_reject_malformed_fields()
    {
        Assert.Contains("reserved", Patched(DomainIdAt, 0));
        Assert.Contains("domain name is empty", Patched(DomainNameLengthAt, 0, 0));
        Assert.Contains("hash id 0x0000", Patched(TombstoneRefHashIdAt, 0, 0));
        Assert.Contains("lifted at 3", Patched(LiftedAtAt, 3));
        Assert.Contains("lifted at 7", Patched(LiftedAtAt, 7));
        Assert.Contains("not valid UTF-8", Patched(SnapshotNameAt, 0xFF));
        Assert.Contains("truncated", Patched(StagingCountAt, 2));
        Assert.Contains("staging root logseq 9", Patched(StagingCountAt + 4, 9));
    }

    [Fact]
    public void Sections_out_of_logseq_order_are_rejected()
    {
        var checkpoint = CheckpointExample.Checkpoint();
        var twice = checkpoint with { StagingRoots = [.. checkpoint.StagingRoots, .. checkpoint.StagingRoots] };
        Assert.Throws<ArgumentException>(() => CheckpointCodec.Encode(twice));
    }

    [Fact]
    public void Bytes_between_the_last_section_and_the_trailer_are_rejected()
    {
        var example = Example();
        byte[] bytes = [.. example[..^32], 0, .. example[^32..]];
        Assert.Contains("1 unexpected bytes", Rejected(Resealed(bytes)));
    }

    [Fact]
    public void Encoder_refuses_what_the_format_cannot_hold()
    {
        var checkpoint = CheckpointExample.Checkpoint();
        Assert.Throws<ArgumentException>(() => CheckpointCodec.Encode(checkpoint with
        {
            Tombstones = [checkpoint.Tombstones[0] with { LiftedAt = 0 }],
        }));
        Assert.Throws<ArgumentException>(() => CheckpointCodec.Encode(checkpoint with
        {
            Snapshots = [checkpoint.Snapshots[0] with { Name = new string('x', 70_000) }],
        }));
        Assert.Throws<ArgumentException>(() => CheckpointCodec.Encode(checkpoint with
        {
            Domains = [checkpoint.Domains[0] with { Name = "" }],
        }));
    }

    private static string Patched(int offset, params byte[] value)
    {
        var bytes = Example();
        value.CopyTo(bytes, offset);
        return Rejected(Resealed(bytes));
    }
}
