namespace AmduatFs.Store.Segments;

/// <summary>The order of records in a segment: by domain number, then by reference (hash id, then digest bytes).</summary>
internal sealed class IndexKeyComparer : IComparer<IndexEntry>
{
    public static readonly IndexKeyComparer Instance = new();

    public int Compare(IndexEntry? x, IndexEntry? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        int byDomain = x.Domain.Value.CompareTo(y.Domain.Value);
        return byDomain != 0 ? byDomain : x.Reference.CompareTo(y.Reference);
    }
}
