namespace AmduatFs.Namespace;

/// <summary>
/// A directory's entries, always sorted strictly ascending by name bytes (ordinal), so lookups
/// are binary searches and the encoding is canonical. Immutable; edits return new trees.
/// </summary>
public sealed class Tree : IEquatable<Tree>
{
    private readonly TreeEntry[] _entries;

    private Tree(TreeEntry[] sortedEntries) => _entries = sortedEntries;

    public static Tree Empty { get; } = new([]);

    public IReadOnlyList<TreeEntry> Entries => _entries;

    /// <summary>Sorts the entries by name bytes.</summary>
    /// <exception cref="ArgumentException">two entries share a name.</exception>
    public static Tree Create(IEnumerable<TreeEntry> entries)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Name.AsSpan().SequenceEqual(sorted[i - 1].Name))
                throw new ArgumentException($"a tree cannot hold two entries named '{sorted[i].DisplayName}'", nameof(entries));
        }
        return new Tree(sorted);
    }

    /// <summary>For the decoder, which has already checked the order.</summary>
    internal static Tree FromSorted(TreeEntry[] sortedEntries) => sortedEntries.Length == 0 ? Empty : new Tree(sortedEntries);

    /// <summary>The index of the entry with this name, or the bitwise complement of where it would be inserted.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        int low = 0, high = _entries.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = _entries[middle].Name.AsSpan().SequenceCompareTo(name);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    public TreeEntry? Find(ReadOnlySpan<byte> name)
    {
        int index = IndexOf(name);
        return index >= 0 ? _entries[index] : null;
    }

    public TreeEntry? Find(string name) => Find(FileNames.FromDisplay(name));

    /// <summary>A tree with <paramref name="entry"/> added, or replacing the entry of the same name.</summary>
    public Tree With(TreeEntry entry)
    {
        int index = IndexOf(entry.Name);
        TreeEntry[] entries;
        if (index >= 0)
        {
            entries = (TreeEntry[])_entries.Clone();
            entries[index] = entry;
        }
        else
        {
            int at = ~index;
            entries = new TreeEntry[_entries.Length + 1];
            _entries.AsSpan(0, at).CopyTo(entries);
            entries[at] = entry;
            _entries.AsSpan(at).CopyTo(entries.AsSpan(at + 1));
        }
        return new Tree(entries);
    }

    /// <summary>A tree without the named entry (the same tree when there is none).</summary>
    public Tree Without(ReadOnlySpan<byte> name)
    {
        int index = IndexOf(name);
        if (index < 0) return this;
        var entries = new TreeEntry[_entries.Length - 1];
        _entries.AsSpan(0, index).CopyTo(entries);
        _entries.AsSpan(index + 1).CopyTo(entries.AsSpan(index));
        return new Tree(entries);
    }

    public bool Equals(Tree? other) => other is not null && _entries.AsSpan().SequenceEqual(other._entries);
    public override bool Equals(object? obj) => obj is Tree other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_entries.Length, _entries.Length > 0 ? _entries[0].GetHashCode() : 0);
    public override string ToString() => $"tree of {_entries.Length} entries";
}
