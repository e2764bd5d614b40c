using AmduatFs.Fuse;

namespace AmduatFs.Mount.Tests;

/// <summary>A test that needs a real FUSE mount; reported as skipped, with the reason, where FUSE cannot work.</summary>
public sealed class FuseFactAttribute : FactAttribute
{
    private static readonly string? Unavailable = Probe();

    public FuseFactAttribute()
    {
        if (Unavailable is not null) Skip = $"SKIPPED: no FUSE here ({Unavailable}); mount tests did not run";
    }

    private static string? Probe()
    {
        string? reason = FuseMounts.Unavailable();
        if (reason is not null) Console.Error.WriteLine($"*** AmduatFs mount tests SKIPPED: {reason} ***");
        return reason;
    }
}
