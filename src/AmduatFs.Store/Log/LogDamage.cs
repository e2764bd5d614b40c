using System.Diagnostics.CodeAnalysis;
using AmduatFs.Core;

namespace AmduatFs.Store.Log;

/// <summary>Throws the error for stored log bytes that cannot be trusted (as opposed to a torn tail).</summary>
internal static class LogDamage
{
    public const string ObjectKind = "log record";
    public const string HeaderId = "header";

    [DoesNotReturn]
    public static void Header(string reason, long offset) =>
        throw new CorruptDataException(ObjectKind, HeaderId, reason, offset: offset);

    [DoesNotReturn]
    public static void Record(ulong logseq, string reason, long offset) =>
        throw new CorruptDataException(ObjectKind, $"logseq {logseq}", reason, offset: offset);
}
