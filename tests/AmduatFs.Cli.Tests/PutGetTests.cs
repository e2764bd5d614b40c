namespace AmduatFs.Cli.Tests;

public sealed class PutGetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(131_071)]
    [InlineData(131_072)]
    [InlineData(700_000)]
    [InlineData(3 * 1024 * 1024 + 17)]
    [InlineData(64 * 1024 * 1024)]
    public void Put_from_stdin_then_get_returns_identical_bytes(int size)
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        string reference = CliRunner.Run(store, bytes, "put", "-").Ok().Text.Trim();
        Assert.Equal(AmduatFs.Core.ArtifactEncoding.ComputeReference(bytes, null).ToString(), reference);
        Assert.Equal(bytes, CliRunner.Run(store, "get", reference).Ok().Stdout);
    }

    [Fact]
    public void Hello_has_the_documented_reference()
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        string reference = CliRunner.Run(store, "hello"u8.ToArray(), "put", "-").Ok().Text.Trim();
        Assert.Equal("00011f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4", reference);
    }

    [Fact]
    public void Putting_the_same_bytes_twice_stores_them_once()
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        var bytes = new byte[4 * 1024 * 1024];
        new Random(7).NextBytes(bytes);
        var first = CliRunner.Run(store, bytes, "put", "-").Ok().Text;
        long blocksAfterFirst = BlockBytes(store);
        var second = CliRunner.Run(store, bytes, "put", "-").Ok().Text;
        Assert.Equal(first, second);
        Assert.Equal(blocksAfterFirst, BlockBytes(store));
    }

    [Theory]
    [InlineData("00011234", 2)]
    [InlineData("0000" + "1f1d4ea728bc4c10bbc8211c7644aa950b6296c9b3e70d263e4ae6fc83e895e4", 2)]
    [InlineData("0001" + "1F1D4EA728BC4C10BBC8211C7644AA950B6296C9B3E70D263E4AE6FC83E895E4", 2)]
    [InlineData("0001" + "0000000000000000000000000000000000000000000000000000000000000000", 3)]
    public void Get_with_a_bad_or_unknown_reference_fails_with_a_distinct_code(string reference, int exitCode)
    {
        using var dir = new TempDir();
        string store = dir.Sub("store");
        CliRunner.Run(store, "init").Ok();
        var result = CliRunner.Run(store, "get", reference);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("amduatfs:", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    private static long BlockBytes(string store) =>
        Directory.EnumerateFiles(Path.Combine(store, "blocks"), "*.blk", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
