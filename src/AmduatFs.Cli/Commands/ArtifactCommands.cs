using System.CommandLine;
using System.Globalization;
using AmduatFs.Core;
using AmduatFs.Store;

namespace AmduatFs.Cli.Commands;

internal static class ArtifactCommands
{
    public static Command Put()
    {
        var file = new Argument<string>("file") { Description = "File to store, or - for standard input" };
        var typeTag = new Option<string?>("--type-tag") { Description = "Type tag as hex u32, e.g. 0x00000101" };
        var command = new Command("put", "Store one artifact and print its reference") { file, typeTag, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            uint? tag = ParseTypeTag(parse.GetValue(typeTag));
            using var store = context.OpenStore(StoreAccess.Writable);
            var sink = store.Sink(store.GetDomain(context.DomainName));
            string path = parse.GetValue(file)!;
            Reference reference;
            if (path == "-") reference = PutStandardInput(store, sink, tag);
            else if (tag is null)
            {
                using var handle = File.OpenHandle(path);
                reference = sink.PutFile(handle, RandomAccess.GetLength(handle));
            }
            else reference = sink.Put(File.ReadAllBytes(path), tag);
            store.Commit();
            if (context.Json) CliContext.WriteJson(new { reference = reference.ToString() });
            else Console.WriteLine(reference);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // Standard input has no length up front, and the reference's header needs it: spool to the store's tmp/.
    private static Reference PutStandardInput(ArtifactStore store, IArtifactSink sink, uint? tag)
    {
        string spool = store.Layout.NewTempPath("stdin");
        try
        {
            using (var stdin = Console.OpenStandardInput())
            using (var output = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
                stdin.CopyTo(output, 1 << 20);
            if (tag is not null) return sink.Put(File.ReadAllBytes(spool), tag);
            using var handle = File.OpenHandle(spool);
            return sink.PutFile(handle, RandomAccess.GetLength(handle));
        }
        finally
        {
            File.Delete(spool);
        }
    }

    public static Command Get()
    {
        var reference = new Argument<string>("ref") { Description = "Artifact reference (0001 + 64 hex digits)" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("get", "Write an artifact's bytes to standard output") { reference, output, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            var parsed = Reference.Parse(parse.GetValue(reference)!);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            var view = store.View(store.GetDomain(context.DomainName));
            using var source = view.OpenRead(parsed);
            using var destination = parse.GetValue(output) is { } path ? File.Create(path) : Console.OpenStandardOutput();
            source.CopyTo(destination, 1 << 20);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Tombstone()
    {
        var reference = new Argument<string>("ref") { Description = "Artifact reference to hide" };
        var command = new Command("tombstone", "Hide an artifact from now on; prints the tombstone's logseq") { reference, CliContext.DomainOption };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            var parsed = Reference.Parse(parse.GetValue(reference)!);
            using var store = context.OpenStore(StoreAccess.Writable);
            ulong logseq = store.Tombstone(store.GetDomain(context.DomainName), parsed);
            Console.WriteLine(logseq);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Lift()
    {
        var logseq = new Argument<ulong>("tombstone-logseq") { Description = "The logseq 'tombstone' printed" };
        var command = new Command("lift", "Cancel one tombstone") { logseq };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.Writable);
            Console.WriteLine(store.Lift(parse.GetValue(logseq)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static uint? ParseTypeTag(string? text)
    {
        if (text is null) return null;
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length is < 1 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint tag))
            throw new FormatException($"type tag '{text}' is not a hex u32 such as 0x00000101");
        return tag;
    }
}
