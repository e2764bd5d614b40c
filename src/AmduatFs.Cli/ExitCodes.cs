namespace AmduatFs.Cli;

/// <summary>Process exit codes (README, "Exit codes"). Scripts rely on them: never renumber.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Damaged = 4;
    public const int IoFailure = 5;
}
