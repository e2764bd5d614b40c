using AmduatFs.TestSupport;

namespace AmduatFs.Cli.Tests;

/// <summary>A store whose disk fills up: the failing command says so, and nothing stored before is lost.</summary>
public sealed class FullDiskTests
{
    [SmallDiskFact]
    public void Import_onto_a_full_disk_fails_with_an_IO_error_and_keeps_what_was_stored()
    {
        using var disk = new SmallDisk(megabytes: 24);
        using var temp = new TempDir();
        string store = Path.Combine(disk.Path, "store");
        CliRunner.Run(store, "init").Ok();
        byte[] kept = new byte[200_000];
        new Random(5).NextBytes(kept);
        string keptRef = CliRunner.Run(store, kept, "put", "-").Ok().Text.Trim();

        string source = temp.Sub("big");
        Directory.CreateDirectory(source);
        var random = new Random(6);
        for (int i = 0; i < 8; i++)
        {
            byte[] bytes = new byte[5_000_000];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(source, $"f{i}"), bytes);
        }
        var full = CliRunner.Run(store, "import", source);
        Assert.Equal(5, full.ExitCode);
        Assert.Contains("No space left on device", full.Stderr);

        CliRunner.Run(store, "verify", "--read-data").Ok();
        Assert.Equal(kept, CliRunner.Run(store, "get", keptRef).Ok().Stdout);
        CliRunner.Run(store, "snapshot", "create", "after-full").Ok();
    }
}
