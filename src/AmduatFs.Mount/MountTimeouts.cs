namespace AmduatFs.Mount;

/// <summary>How long the kernel may cache entries and attributes, by how often the data can change.</summary>
internal static class MountTimeouts
{
    /// <summary>Snapshots and artifacts never change.</summary>
    public const double Immutable = 365 * 24 * 3600.0;

    /// <summary>Only this daemon changes staging, so a short timeout only bounds what other views see.</summary>
    public const double Mutable = 1.0;
}
