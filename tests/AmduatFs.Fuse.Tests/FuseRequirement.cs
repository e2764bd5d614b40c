namespace AmduatFs.Fuse.Tests;

/// <summary>
/// xunit 2 has no dynamic skip: a test calls <see cref="Missing"/> first and returns when it is true, after the
/// reason has been printed loudly to stderr.
/// </summary>
internal static class FuseRequirement
{
    private static readonly Lazy<string?> Reason = new(FuseMounts.Unavailable);

    public static bool Missing()
    {
        if (Reason.Value is null) return false;
        Console.Error.WriteLine($"SKIPPED (no FUSE): {Reason.Value}");
        return true;
    }
}
