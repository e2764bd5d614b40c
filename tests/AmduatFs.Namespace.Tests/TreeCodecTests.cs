using System.Buffers.Binary;
using System.Diagnostics;
using AmduatFs.Core;
using FsCheck;
using FsCheck.Fluent;

namespace AmduatFs.Namespace.Tests;

public sealed class TreeCodecTests
{
    // One file entry "a": header 5 | name_len @5 | name @6 | fixed run @7..35 | framed ref @36..70 | xattr count @71.
    private const int NameLengthAt = 5, NameAt = 6, KindAt = 7, ModeAt = 8, SizeAt = 28, RefAt = 36, FileXattrCountAt = 71;
    // One symlink "a" -> "t": target_len @36 | target @38 | xattr count @39.
    private const int LinkLengthAt = 36, LinkTargetAt = 38;

    private static byte[] OneFile() => TreeCodec.Encode(Tree.Create([Samples.File("a")]));
    private static byte[] OneSymlink() => TreeCodec.Encode(Tree.Create([Samples.Symlink("a", "t")]));

    [Fact]
    public void Layout_offsets_used_by_these_tests_hold()
    {
        var file = OneFile();
        Assert.Equal(73, file.Length);
        Assert.Equal(1, file[NameLengthAt]);
        Assert.Equal((byte)'a', file[NameAt]);
        Assert.Equal((byte)EntryKind.File, file[KindAt]);
        Assert.Equal(0x1A4u, BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(ModeAt)));
        Assert.Equal(0x0001, BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(RefAt)));
        var link = OneSymlink();
        Assert.Equal(41, link.Length);
        Assert.Equal((byte)'t', link[LinkTargetAt]);
    }

    [Fact]
    public void Random_trees_round_trip()
    {
        var cases = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 20)).ToArbitrary();
        Prop.ForAll(cases, ((int Seed, int Count) c) =>
        {
            var tree = RandomTrees.Build(c.Seed, c.Count);
            var bytes = TreeCodec.Encode(tree);
            var decoded = TreeCodec.Decode(bytes);
            return decoded.Equals(tree) && TreeCodec.Encode(decoded).AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Fixed_tree_matches_golden_bytes()
    {
        string path = Golden.Path("fixed-tree.hex");
        string actual = Golden.Hex(TreeCodec.Encode(Samples.Fixed()));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void Worked_example_of_the_format_doc()
    {
        // Values computed independently (Python hashlib/struct) for docs/format.md.
        var tree = Tree.Create([Samples.File("hello.txt", "hello")]);
        Assert.Equal("00011f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4", tree.Entries[0].Target!.ToString());
        var bytes = TreeCodec.Encode(tree);
        Assert.Equal(
            "01000000010968656c6c6f2e74787401000001a4000003e8000003e817979cfe" +
            "3d85cd1500000000000000050001201f1d4ea728bc4c10bbc8211c7644aa950b" +
            "6296c9b3e70d263e4ae6fc83e895e40000",
            Convert.ToHexStringLower(bytes));
        Assert.Equal("0001df3620d349f7546d1eaafd1c26cf951618eb490ae3b327c92a26713751f62749",
            ArtifactEncoding.ComputeReference(bytes, AmduatConstants.TypeTagAmduatFsTree1).ToString());
    }

    [Fact]
    public void Empty_tree_is_five_bytes()
    {
        Assert.Equal("0100000000", Convert.ToHexStringLower(TreeCodec.Encode(Tree.Empty)));
        Assert.Equal(TreeArtifacts.EmptyTree, ArtifactEncoding.ComputeReference(TreeArtifacts.EmptyTreeBytes, AmduatConstants.TypeTagAmduatFsTree1));
        Assert.Empty(TreeCodec.Decode(TreeArtifacts.EmptyTreeBytes).Entries);
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var bytes = TreeCodec.Encode(Samples.Fixed());
        for (int length = 0; length < bytes.Length; length++)
            Assert.Throws<FormatException>(() => TreeCodec.Decode(bytes.AsSpan(0, length)));
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var bytes = TreeCodec.Encode(Samples.Fixed());
        var error = Assert.Throws<FormatException>(() => TreeCodec.Decode([.. bytes, 0]));
        Assert.Contains("trailing", error.Message);
    }

    [Fact]
    public void Any_flipped_byte_is_rejected_or_decodes_to_a_tree_with_exactly_those_bytes()
    {
        // Canonical: no two byte strings decode to the same tree.
        var bytes = TreeCodec.Encode(Samples.Fixed());
        for (int i = 0; i < bytes.Length; i++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xff })
            {
                var damaged = (byte[])bytes.Clone();
                damaged[i] ^= mask;
                Tree decoded;
                try { decoded = TreeCodec.Decode(damaged); }
                catch (FormatException) { continue; }
                Assert.Equal(damaged, TreeCodec.Encode(decoded));
            }
        }
    }

    [Theory]
    [InlineData(0, "version")]
    [InlineData(2, "version")]
    public void Unknown_version_is_rejected(byte version, string expected) =>
        AssertRejected(OneFile(), b => b[0] = version, expected);

    [Fact]
    public void Entry_count_beyond_the_bytes_is_rejected()
    {
        AssertRejected(OneFile(), b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(1), uint.MaxValue), "declares");
        AssertRejected(OneFile(), b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(1), 2), "declares");
        AssertRejected(OneFile(), b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(1), 0), "trailing");
    }

    [Theory]
    [InlineData((byte)'/', "'/' or NUL")]
    [InlineData((byte)0, "'/' or NUL")]
    [InlineData((byte)'.', "'.' or '..'")]
    public void Bad_names_are_rejected(byte character, string expected) =>
        AssertRejected(OneFile(), b => b[NameAt] = character, expected);

    [Fact]
    public void Empty_name_and_dot_dot_are_rejected()
    {
        AssertRejected(OneFile(), b => b[NameLengthAt] = 0, "empty name");
        var dotDot = TreeCodec.Encode(Tree.Create([Samples.File("ab")]));
        AssertRejected(dotDot, b => { b[NameAt] = (byte)'.'; b[NameAt + 1] = (byte)'.'; }, "'.' or '..'");
    }

    [Fact]
    public void Unsorted_and_duplicate_names_are_rejected()
    {
        var two = TreeCodec.Encode(Tree.Create([Samples.File("a"), Samples.File("b")]));
        int secondNameAt = NameAt + 68; // each entry of one-byte name and no xattrs is 68 bytes
        Assert.Equal((byte)'b', two[secondNameAt]);
        AssertRejected(two, b => b[secondNameAt] = (byte)'a', "sort strictly");
        AssertRejected(two, b => { b[NameAt] = (byte)'c'; }, "sort strictly");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(255)]
    public void Unknown_kind_is_rejected(byte kind) => AssertRejected(OneFile(), b => b[KindAt] = kind, "unknown kind");

    [Theory]
    [InlineData(0x1000u)]
    [InlineData(0x81A4u)] // S_IFREG | 0644: the type belongs in the kind byte
    public void Mode_bits_beyond_07777_are_rejected(uint mode) =>
        AssertRejected(OneFile(), b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(ModeAt), mode), "beyond 07777");

    [Fact]
    public void Directory_with_a_size_is_rejected() =>
        AssertRejected(OneFile(), b => { b[KindAt] = (byte)EntryKind.Directory; b[SizeAt + 7] = 1; }, "size 0");

    [Fact]
    public void Symlink_rules_are_enforced()
    {
        AssertRejected(OneSymlink(), b => b[SizeAt + 7] = 2, "size 2 but a 1-byte target");
        AssertRejected(OneSymlink(), b => b[LinkTargetAt] = 0, "NUL");
        AssertRejected(OneSymlink(), b => { b[LinkLengthAt + 1] = 0; b[SizeAt + 7] = 0; }, "1..4095");
        AssertRejected(OneSymlink(), b => BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(LinkLengthAt), 4096), "1..4095");
    }

    [Fact]
    public void Bad_framed_references_are_rejected()
    {
        AssertRejected(OneFile(), b => { b[RefAt] = 0; b[RefAt + 1] = 0; }, "bad target reference");
        AssertRejected(OneFile(), b => b[RefAt + 2] = 31, "bad target reference");
    }

    [Fact]
    public void Xattr_rules_are_enforced()
    {
        var one = TreeCodec.Encode(Tree.Create([Samples.File("a", xattrs: [ExtendedAttribute.Create("user.a", [7])])]));
        int nameLengthAt = FileXattrCountAt + 2, nameAt = nameLengthAt + 1, valueLengthAt = nameAt + 6;
        Assert.Equal((byte)'u', one[nameAt]);
        AssertRejected(one, b => b[nameLengthAt] = 0, "empty name");
        AssertRejected(one, b => b[nameAt + 2] = 0, "contains NUL");
        AssertRejected(one, b => BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(valueLengthAt), 65537), "at most 65536");
        AssertRejected(one, b => b[FileXattrCountAt + 1] = 2, "truncated");

        var two = TreeCodec.Encode(Tree.Create([Samples.File("a", xattrs: [ExtendedAttribute.Create("user.a", [7]), ExtendedAttribute.Create("user.b", [8])])]));
        int secondNameAt = valueLengthAt + 4 + 1 + 1;
        Assert.Equal((byte)'b', two[secondNameAt + 5]);
        AssertRejected(two, b => b[secondNameAt + 5] = (byte)'a', "not sorted strictly");
        AssertRejected(two, b => b[nameAt + 5] = (byte)'c', "not sorted strictly");
    }

    [Fact]
    public void Encoder_refuses_entries_the_format_rejects()
    {
        var file = Samples.File("a");
        Assert.Throws<ArgumentException>(() => Encode(file with { Name = new byte[256] }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Name = "a/b"u8.ToArray() }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Name = [] }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Mode = 0x1000 }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Target = null }));
        Assert.Throws<ArgumentException>(() => Encode(file with { LinkTarget = [1] }));
        Assert.Throws<ArgumentException>(() => Encode(Samples.Symlink("a", "t") with { Size = 9 }));
        Assert.Throws<ArgumentException>(() => Encode(Samples.Symlink("a", "t") with { Target = file.Target }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Xattrs = [ExtendedAttribute.Create("user.b", []), ExtendedAttribute.Create("user.a", [])] }));
        Assert.Throws<ArgumentException>(() => Encode(file with { Xattrs = [ExtendedAttribute.Create("user.a", new byte[65537])] }));
        Assert.Throws<ArgumentException>(() => Tree.Create([file, Samples.File("a", "other")]));
    }

    [Fact]
    public void Ten_thousand_entries_decode_quickly()
    {
        var tree = Tree.Create(Enumerable.Range(0, 10_000).Select(i => Samples.File($"file-{i:D6}.dat", $"{i}")));
        var bytes = TreeCodec.Encode(tree);
        TreeCodec.Decode(bytes);
        var clock = Stopwatch.StartNew();
        var decoded = TreeCodec.Decode(bytes);
        clock.Stop();
        Assert.Equal(10_000, decoded.Entries.Count);
        Assert.True(clock.ElapsedMilliseconds < 100, $"decoding 10k entries took {clock.ElapsedMilliseconds} ms");
    }

    private static byte[] Encode(TreeEntry entry) => TreeCodec.Encode(Tree.Create([entry]));

    private static void AssertRejected(byte[] valid, Action<byte[]> damage, string expected)
    {
        TreeCodec.Decode(valid);
        var damaged = (byte[])valid.Clone();
        damage(damaged);
        var error = Assert.Throws<FormatException>(() => TreeCodec.Decode(damaged));
        Assert.Contains(expected, error.Message);
    }
}
