using System.CommandLine;
using AmduatFs.Store;
using AmduatFs.Store.Chunking;
using AmduatFs.Store.Engine;
using AmduatFs.Store.Log;

namespace AmduatFs.Cli.Commands;

internal static class StoreCommands
{
    public static Command Init()
    {
        var average = new Option<int>("--chunk-avg") { Description = "Average chunk size in bytes (a power of two)", DefaultValueFactory = _ => ChunkerParameters.DefaultAverage };
        var seed = new Option<ulong>("--chunk-seed") { Description = "FastCDC gear seed", DefaultValueFactory = _ => 0 };
        var command = new Command("init", "Create an empty store") { average, seed };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            var config = StoreConfig.Default with { ChunkAverage = parse.GetValue(average), ChunkSeed = parse.GetValue(seed) };
            using var store = ArtifactStore.Init(context.StorePath, config, context.Loggers);
            if (context.Json) CliContext.WriteJson(new { store = store.Layout.Root, config });
            else Console.WriteLine($"initialised store {store.Layout.Root}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Log()
    {
        var command = new Command("log", "List the log's records");
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            var layout = new StoreLayout(context.StorePath);
            if (!File.Exists(layout.ConfigPath)) throw new StoreNotFoundException(layout.Root);
            var rows = new List<object>();
            LogReader.Scan(layout.LogPath, null, record =>
            {
                var payload = LogPayloadCodec.Decode(record.Type, record.Payload.Span);
                string type = payload?.Type.ToString() ?? $"unknown(0x{record.Type:x2})";
                if (context.Json) rows.Add(new { logseq = record.Logseq, type, hash = record.Hash.ToString(), payload = payload?.ToString() });
                else Console.WriteLine($"{record.Logseq}\t{type}\t{Describe(payload)}");
            });
            if (context.Json) CliContext.WriteJson(rows);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Describe(LogPayload? payload) => payload switch
    {
        SegmentSeal s => $"segment {s.SegmentId} sha256 {s.SegmentHash}",
        Tombstone t => $"domain {t.Domain} hides {t.Reference}",
        TombstoneLift l => $"domain {l.Domain} lifts tombstone {l.TombstoneLogseq} of {l.Reference}",
        SnapshotAnchor a => $"domain {a.Domain} snapshot {a.SnapshotId} '{a.Name}' root {a.Root}",
        DomainCreate d => $"domain {d.Domain} is '{d.Name}'",
        StagingRoot r => $"domain {r.Domain} staging root {r.Root}",
        _ => "",
    };

    public static Command Verify()
    {
        var readData = new Option<bool>("--read-data") { Description = "Also read and hash every chunk and artifact" };
        var command = new Command("verify", "Check the log chain, segments, blocks and (with --read-data) all data") { readData };
        command.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            var progress = CliContext.TerminalProgress();
            var report = StoreVerifier.Verify(context.StorePath, parse.GetValue(readData),
                progress is null ? null : new Progress<VerifyProgress>(p => progress.Report($"verify: {p.Phase} {p.Done}/{p.Total}")));
            CliContext.EndProgress();
            if (context.Json)
                CliContext.WriteJson(new { clean = report.IsClean, report.LogRecords, report.Segments, report.Blocks, report.Chunks, report.Artifacts, report.BytesRead, problems = report.Problems.Select(p => p.ToString()), warnings = report.Warnings });
            else
            {
                foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
                foreach (var problem in report.Problems) Console.WriteLine($"DAMAGED {problem}");
                Console.WriteLine($"{(report.IsClean ? "ok" : "damaged")}: {report.LogRecords} log records, {report.Segments} segments, {report.Blocks} blocks, {report.Chunks} chunks, {report.Artifacts} artifacts, {report.BytesRead} bytes read");
            }
            return report.IsClean ? ExitCodes.Ok : ExitCodes.Damaged;
        }));
        return command;
    }

    public static Command Domain()
    {
        var name = new Argument<string>("name") { Description = "Domain name" };
        var create = new Command("create", "Create a domain") { name };
        create.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.Writable);
            var id = store.CreateDomain(parse.GetValue(name)!);
            Console.WriteLine($"{id}\t{parse.GetValue(name)}");
            return ExitCodes.Ok;
        }));
        var list = new Command("list", "List domains");
        list.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            var domains = store.Domains();
            if (context.Json) CliContext.WriteJson(domains.Select(d => new { id = d.Id.Value, name = d.Name }));
            else foreach (var (id, n) in domains) Console.WriteLine($"{id}\t{n}");
            return ExitCodes.Ok;
        }));
        return new Command("domain", "Manage domains") { create, list };
    }
}
