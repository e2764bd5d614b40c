namespace AmduatFs.Store.Replay;

/// <summary>Binary search over lists kept in ascending logseq order (replay appends in log order).</summary>
internal static class LogOrder
{
    /// <summary>How many leading items have a logseq at or before <paramref name="position"/>.</summary>
    public static int CountAtOrBefore<T>(IReadOnlyList<T> items, ulong position, Func<T, ulong> logseqOf)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            int middle = low + (high - low) / 2;
            if (logseqOf(items[middle]) <= position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    public static IReadOnlyList<T> AtOrBefore<T>(List<T> items, ulong position, Func<T, ulong> logseqOf)
    {
        int count = CountAtOrBefore(items, position, logseqOf);
        return count == items.Count ? items.ToArray() : items.GetRange(0, count);
    }
}
