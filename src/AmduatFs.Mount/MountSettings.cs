namespace AmduatFs.Mount;

public sealed record MountSettings
{
    /// <summary>The longest a closed staging file waits before its seal is committed (group commit).</summary>
    public TimeSpan CommitDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
