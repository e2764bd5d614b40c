namespace AmduatFs.Store.Replay;

/// <summary>
/// Every sealed index entry of one key, by seal logseq. Almost always one entry, so the newest is held
/// inline (the CURRENT lookup touches nothing else) and shadowed ones spill into a short array.
/// </summary>
internal struct EntryHistory
{
    private ulong _newestSeal;
    private IndexEntry _newest;
    private (ulong Seal, IndexEntry Entry)[]? _older;

    public EntryHistory(ulong seal, IndexEntry entry)
    {
        _newestSeal = seal;
        _newest = entry;
    }

    public readonly IndexEntry Newest => _newest;

    /// <summary>Records an entry of a newer seal; the caller guarantees <paramref name="seal"/> exceeds every earlier one.</summary>
    public void Shadow(ulong seal, IndexEntry entry)
    {
        int count = _older?.Length ?? 0;
        var older = new (ulong, IndexEntry)[count + 1];
        _older?.CopyTo(older, 0);
        older[count] = (_newestSeal, _newest);
        _older = older;
        _newestSeal = seal;
        _newest = entry;
    }

    /// <summary>Every entry with its seal logseq, oldest first.</summary>
    public readonly IEnumerable<(ulong Seal, IndexEntry Entry)> All()
    {
        foreach (var older in _older ?? []) yield return older;
        yield return (_newestSeal, _newest);
    }

    /// <summary>The entry of the newest seal at or before <paramref name="position"/>, tombstone entries included.</summary>
    public readonly IndexEntry? At(ulong position)
    {
        if (_newestSeal <= position) return _newest;
        if (_older is null) return null;
        for (int i = _older.Length - 1; i >= 0; i--)
        {
            if (_older[i].Seal <= position) return _older[i].Entry;
        }
        return null;
    }
}
