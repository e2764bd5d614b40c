using AmduatFs.Fuse;

namespace AmduatFs.TestSupport;

/// <summary>A test that needs a real FUSE mount; reported as skipped, with the reason, where FUSE cannot work.</summary>
public sealed class FuseFactAttribute : FactAttribute
{
    /// <summary>Why FUSE cannot be used here, or null.</summary>
    public static readonly string? Unavailable = Probe();

    public FuseFactAttribute()
    {
        if (Unavailable is not null) Skip = $"SKIPPED: no FUSE here ({Unavailable}); tests that mount did not run";
    }

    private static string? Probe()
    {
        string? reason = FuseMounts.Unavailable();
        if (reason is not null) Console.Error.WriteLine($"*** AmduatFs tests that mount SKIPPED: {reason} ***");
        return reason;
    }
}
