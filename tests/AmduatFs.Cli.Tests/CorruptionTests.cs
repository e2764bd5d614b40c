namespace AmduatFs.Cli.Tests;

/// <summary>Flips single bits in blocks, segments and log records; verify and reads must report damage (exit 4).</summary>
public sealed class CorruptionTests
{
    private sealed class Fixture : IDisposable
    {
        public readonly TempDir Dir = new();
        public readonly string Store;
        public readonly string Reference;
        public readonly byte[] Bytes = new byte[3 * 1024 * 1024];
        public readonly string[] BlocksOfFile;

        public Fixture()
        {
            Store = Dir.Sub("store");
            CliRunner.Run(Store, "init").Ok();
            new Random(3).NextBytes(Bytes);
            string file = Dir.Sub("big");
            File.WriteAllBytes(file, Bytes);
            Reference = CliRunner.Run(Store, "put", file).Ok().Text.Trim();
            BlocksOfFile = Directory.GetFiles(Path.Combine(Store, "blocks"), "*.blk", SearchOption.AllDirectories);
            string tree = Dir.Sub("tree");
            Directory.CreateDirectory(Path.Combine(tree, "sub"));
            File.WriteAllText(Path.Combine(tree, "a.txt"), "alpha");
            File.WriteAllText(Path.Combine(tree, "sub", "b.txt"), "beta beta");
            CliRunner.Run(Store, "import", tree).Ok();
            CliRunner.Run(Store, "snapshot", "create", "s1").Ok();
            Assert.Equal(0, CliRunner.Run(Store, "verify", "--read-data").ExitCode);
        }

        public void Dispose() => Dir.Dispose();
    }

    private static void FlipBit(string path, long offset, int bit = 3)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        int b = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(b ^ (1 << bit)));
    }

    [Fact]
    public void A_flipped_bit_in_block_data_is_reported_by_verify_and_get()
    {
        using var f = new Fixture();
        Assert.NotEmpty(f.BlocksOfFile);
        string block = f.BlocksOfFile[0];
        string id = Path.GetFileNameWithoutExtension(block);
        long length = new FileInfo(block).Length;
        Assert.True(length > 32);
        FlipBit(block, 16 + (length - 16) / 2);

        var verify = CliRunner.Run(f.Store, "verify", "--read-data");
        Assert.True(verify.ExitCode == 4, $"verify exited {verify.ExitCode}: {verify.Text} {verify.Stderr}");
        Assert.Contains(verify.Text.Split('\n'), l => l.StartsWith("DAMAGED block") && l.Contains(id));

        var get = CliRunner.Run(f.Store, "get", f.Reference);
        Assert.Equal(4, get.ExitCode);
        Assert.Contains(id, get.Stderr);
    }

    [Fact]
    public void A_flipped_bit_in_a_segment_is_reported_by_verify()
    {
        using var f = new Fixture();
        var segments = Directory.GetFiles(Path.Combine(f.Store, "segments"), "*.seg");
        Assert.NotEmpty(segments);
        foreach (var segment in segments) FlipBit(segment, new FileInfo(segment).Length / 2);
        var verify = CliRunner.Run(f.Store, "verify", "--read-data");
        Assert.True(verify.ExitCode == 4, $"verify exited {verify.ExitCode}: {verify.Text} {verify.Stderr}");
        Assert.Contains(verify.Text.Split('\n'), l => l.StartsWith("DAMAGED segment"));
    }

    [Fact]
    public void A_flipped_bit_in_an_earlier_log_record_is_damage_not_a_torn_tail()
    {
        using var f = new Fixture();
        FlipBit(Path.Combine(f.Store, "log", "asl.log"), 24 + 16 + 1);
        var verify = CliRunner.Run(f.Store, "verify", "--read-data");
        Assert.True(verify.ExitCode == 4, $"verify exited {verify.ExitCode}: {verify.Text} {verify.Stderr}");
        Assert.Contains("logseq 1", verify.Text + verify.Stderr);
        var list = CliRunner.Run(f.Store, "snapshot", "list");
        Assert.True(list.ExitCode == 4, $"snapshot list exited {list.ExitCode}: {list.Text} {list.Stderr}");
    }
}
