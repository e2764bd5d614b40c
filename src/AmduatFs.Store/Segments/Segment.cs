namespace AmduatFs.Store.Segments;

/// <summary>A decoded index segment: its id and its entries in stored order (by domain, then reference).</summary>
internal sealed record Segment(ulong Id, IReadOnlyList<IndexEntry> Entries);
