using System.CommandLine;
using AmduatFs.Cli.Commands;

namespace AmduatFs.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("AmduatFs: a content-addressed, snapshotted artifact store");
        root.Options.Add(CliContext.StoreOption);
        root.Options.Add(CliContext.JsonOption);
        root.Options.Add(CliContext.VerboseOption);
        foreach (var command in new[]
        {
            StoreCommands.Init(), ArtifactCommands.Put(), ArtifactCommands.Get(), TreeCommands.Import(),
            SnapshotCommands.Snapshot(), TreeCommands.Ls(), TreeCommands.Cat(), TreeCommands.Restore(),
            StoreCommands.Log(), StoreCommands.Verify(), ArtifactCommands.Tombstone(), ArtifactCommands.Lift(),
            StoreCommands.Domain(), DebugCommands.Debug(), MountCommands.Mount(), MountCommands.Umount(),
        })
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"amduatfs: {error.Message}");
            Console.Error.WriteLine("Try 'amduatfs --help'.");
            return ExitCodes.Usage;
        }
        return parse.Invoke();
    }
}
