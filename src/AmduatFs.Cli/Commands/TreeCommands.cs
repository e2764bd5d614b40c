using System.CommandLine;
using AmduatFs.Namespace;
using AmduatFs.Store;

namespace AmduatFs.Cli.Commands;

internal static class TreeCommands
{
    public static Command Import()
    {
        var directory = new Argument<string>("dir") { Description = "Directory to import" };
        var to = new Option<string?>("--to") { Description = "Path inside staging to place it at (default: the directory's name; / replaces the whole staging tree)" };
        var command = new Command("import", "Add a directory tree to the domain's staging tree") { directory, to, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            string source = Path.GetFullPath(parse.GetValue(directory)!);
            if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"{source} is not a directory");
            using var store = context.OpenStore(StoreAccess.Writable);
            var domain = store.GetDomain(context.DomainName);
            var progress = CliContext.TerminalProgress();
            var result = Staging.Import(store, domain, source, parse.GetValue(to), context.Loggers,
                progress is null ? null : new Progress<ImportProgress>(p => progress.Report($"import: {p.FilesStored}/{p.FilesTotal} files, {p.BytesStored / (1024 * 1024)} MiB")));
            CliContext.EndProgress();
            if (context.Json) CliContext.WriteJson(new { path = result.StagingPath, files = result.Files, bytes = result.Bytes, tree = result.Tree.ToString(), stagingRoot = result.StagingRoot.ToString() });
            else Console.WriteLine($"imported {result.Files} files ({result.Bytes} bytes) into staging/{result.StagingPath.TrimStart('/')}: tree {result.Tree}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Ls()
    {
        var target = new Argument<string>("snapshot-path") { Description = "NAME[/PATH] of a snapshot, or staging[/PATH]" };
        var longFormat = new Option<bool>("--long", "-l") { Description = "Show mode, owner, size, mtime and reference" };
        var command = new Command("ls", "List a directory of a snapshot") { target, longFormat, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            var (view, entry) = Resolve(store, context, parse.GetValue(target)!);
            var entries = entry.Kind == EntryKind.Directory ? TreeArtifacts.Load(view, entry.Target!).Entries : [entry];
            if (context.Json) CliContext.WriteJson(entries.Select(EntryJson.From));
            else foreach (var e in entries) Console.WriteLine(parse.GetValue(longFormat) ? EntryText.Long(e) : e.DisplayName);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Cat()
    {
        var target = new Argument<string>("snapshot-path") { Description = "NAME/PATH of a file in a snapshot, or staging/PATH" };
        var command = new Command("cat", "Write a file of a snapshot to standard output") { target, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            var (view, entry) = Resolve(store, context, parse.GetValue(target)!);
            if (entry.Kind != EntryKind.File) throw new ArgumentException($"{parse.GetValue(target)} is a {entry.Kind.ToString().ToLowerInvariant()}, not a file");
            using var source = view.OpenRead(entry.Target!);
            using var stdout = Console.OpenStandardOutput();
            source.CopyTo(stdout, 1 << 20);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Restore()
    {
        var target = new Argument<string>("snapshot-path") { Description = "NAME[/PATH] of a snapshot, or staging[/PATH]" };
        var destination = new Argument<string>("dest") { Description = "Destination (must not exist, or be an empty directory)" };
        var command = new Command("restore", "Write a snapshot tree back to disk with its metadata") { target, destination, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            var (view, entry) = Resolve(store, context, parse.GetValue(target)!);
            new TreeRestorer(context.Loggers.CreateLogger("restore")).Restore(view, entry, Path.GetFullPath(parse.GetValue(destination)!));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Splits NAME[/PATH] at the first '/', NAME being a snapshot name or the word <c>staging</c>.</summary>
    private static (IArtifactSource View, TreeEntry Entry) Resolve(ArtifactStore store, CliContext context, string target)
    {
        int slash = target.IndexOf('/');
        string name = slash < 0 ? target : target[..slash];
        string path = slash < 0 ? "" : target[(slash + 1)..];
        var domain = store.GetDomain(context.DomainName);
        var view = store.View(domain);
        AmduatFs.Core.Reference root;
        if (name == Staging.Name)
            root = store.StagingRoot(domain) ?? throw new PathNotFoundException("staging", "staging (nothing has been imported yet)");
        else
            root = (store.FindSnapshot(domain, name) ?? throw new SnapshotNotFoundException(name, context.DomainName)).Root;
        return (view, TreePaths.Resolve(view, root, path));
    }
}
