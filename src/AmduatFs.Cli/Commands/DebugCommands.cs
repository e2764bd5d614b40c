using System.CommandLine;
using System.Security.Cryptography;
using AmduatFs.Store.Chunking;

namespace AmduatFs.Cli.Commands;

internal static class DebugCommands
{
    public static Command Debug()
    {
        var file = new Argument<string>("file") { Description = "File to chunk" };
        var min = new Option<int>("--min") { Description = "Minimum chunk size", DefaultValueFactory = _ => ChunkerParameters.DefaultAverage / 4 };
        var avg = new Option<int>("--avg") { Description = "Average chunk size (a power of two)", DefaultValueFactory = _ => ChunkerParameters.DefaultAverage };
        var max = new Option<int>("--max") { Description = "Maximum chunk size", DefaultValueFactory = _ => ChunkerParameters.DefaultAverage * 4 };
        var seed = new Option<ulong>("--seed") { Description = "Gear seed", DefaultValueFactory = _ => 0 };
        var chunks = new Command("chunks", "Print offset, length and SHA-256 of each FastCDC-2020 chunk") { file, min, avg, max, seed };
        chunks.SetAction(parse => Cli.ErrorReporting.Run(() =>
        {
            var parameters = new ChunkerParameters(parse.GetValue(min), parse.GetValue(avg), parse.GetValue(max), parse.GetValue(seed));
            parameters.Validate();
            using var stream = File.OpenRead(parse.GetValue(file)!);
            var output = Console.Out;
            byte[] buffer = new byte[parameters.Max];
            foreach (var (offset, length) in FastCdc2020.Chunks(stream, parameters))
            {
                RandomAccess.Read(stream.SafeFileHandle, buffer.AsSpan(0, length), offset);
                output.WriteLine($"{offset}\t{length}\t{Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, length)))}");
            }
            return Cli.ExitCodes.Ok;
        }));
        return new Command("debug", "Developer tools") { chunks };
    }
}
