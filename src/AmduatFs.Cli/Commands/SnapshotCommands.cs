using System.CommandLine;
using AmduatFs.Namespace;
using AmduatFs.Store;
using AmduatFs.Store.Replay;

namespace AmduatFs.Cli.Commands;

internal static class SnapshotCommands
{
    public static Command Snapshot()
    {
        var name = new Argument<string>("name") { Description = "Snapshot name" };
        var create = new Command("create", "Seal the staging tree as a read-only snapshot") { name, CliContext.DomainOption };
        create.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.Writable);
            var snapshot = Staging.Snapshot(store, store.GetDomain(context.DomainName), parse.GetValue(name)!);
            Print(context, [snapshot]);
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List snapshots, oldest first") { CliContext.DomainOption };
        list.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            Print(context, store.Snapshots(store.GetDomain(context.DomainName)));
            return ExitCodes.Ok;
        }));

        var showName = new Argument<string>("name") { Description = "Snapshot name" };
        var show = new Command("show", "Show one snapshot") { showName, CliContext.DomainOption };
        show.SetAction(parse => ErrorReporting.Run(() =>
        {
            var context = new CliContext(parse);
            using var store = context.OpenStore(StoreAccess.ReadOnly);
            string wanted = parse.GetValue(showName)!;
            var snapshot = store.FindSnapshot(store.GetDomain(context.DomainName), wanted) ?? throw new SnapshotNotFoundException(wanted, context.DomainName);
            if (context.Json) CliContext.WriteJson(Json(snapshot));
            else
            {
                Console.WriteLine($"name:      {snapshot.Name}");
                Console.WriteLine($"id:        {snapshot.SnapshotId}");
                Console.WriteLine($"domain:    {context.DomainName}");
                Console.WriteLine($"created:   {Time(snapshot):O}");
                Console.WriteLine($"logseq:    {snapshot.Logseq}");
                Console.WriteLine($"root:      {snapshot.Root}");
            }
            return ExitCodes.Ok;
        }));
        return new Command("snapshot", "Create and inspect snapshots") { create, list, show };
    }

    private static void Print(CliContext context, IEnumerable<SnapshotInfo> snapshots)
    {
        if (context.Json) CliContext.WriteJson(snapshots.Select(Json));
        else foreach (var s in snapshots) Console.WriteLine($"{s.SnapshotId}\t{s.Name}\t{Time(s):yyyy-MM-ddTHH:mm:ssZ}\t{s.Root}");
    }

    private static object Json(SnapshotInfo s) =>
        new { id = s.SnapshotId, name = s.Name, created = Time(s), logseq = s.Logseq, root = s.Root.ToString() };

    private static DateTimeOffset Time(SnapshotInfo s) => DateTimeOffset.UnixEpoch.AddTicks(s.CreatedUnixNanoseconds / 100);
}
