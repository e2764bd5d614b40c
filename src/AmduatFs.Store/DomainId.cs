namespace AmduatFs.Store;

/// <summary>A store-local domain number (u32). 0 means "none"; the domain every store starts with, <c>local</c>, is 1.</summary>
public readonly record struct DomainId(uint Value)
{
    public static readonly DomainId None = new(0);
    public static readonly DomainId Local = new(1);
    public const string LocalName = "local";
    public override string ToString() => Value.ToString();
}

/// <summary>Whether other domains may see an artifact (on-disk values are fixed).</summary>
public enum Visibility : byte
{
    Internal = 0,
    Published = 1,
}
