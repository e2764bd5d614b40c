using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AmduatFs.Store.Chunking;

/// <summary>
/// FastCDC-2020 content-defined chunking with normalisation level 2, as standardised by the Bazel
/// remote-execution API: a gear hash rolled two bytes per step, where a cut may fall on either
/// byte of the pair. Instances are immutable and safe to share between threads.
/// </summary>
public sealed partial class FastCdc2020
{
    private const int NoCut = -1;

    private readonly int _min;
    private readonly int _avg;
    private readonly int _max;
    private readonly ulong _maskSmall;
    private readonly ulong _maskSmallShifted;
    private readonly ulong _maskLarge;
    private readonly ulong _maskLargeShifted;
    private readonly ulong[] _gear;
    private readonly ulong[] _gearShifted;

    public FastCdc2020(ChunkerParameters parameters)
    {
        parameters.Validate();
        Parameters = parameters;
        _min = parameters.Min;
        _avg = parameters.Avg;
        _max = parameters.Max;
        _maskSmall = NormalizedMasks.Small(parameters.AverageBits);
        _maskLarge = NormalizedMasks.Large(parameters.AverageBits);
        _maskSmallShifted = _maskSmall << 1;
        _maskLargeShifted = _maskLarge << 1;
        var tables = GearTables.ForSeed(parameters.Seed);
        _gear = tables.Gear;
        _gearShifted = tables.GearShifted;
    }

    public ChunkerParameters Parameters { get; }

    /// <summary>
    /// Length of the chunk that starts at <paramref name="data"/>[0]; -1 if no cut was found, the
    /// data is not final and shorter than Max (supply more bytes and call again from the same
    /// start). Final data with no cut (at most Max bytes) is one chunk; empty final data gives 0.
    /// </summary>
    public int FindBoundary(ReadOnlySpan<byte> data, bool isFinal) => FindBoundary(data, isFinal, out _);

    /// <summary>As <see cref="FindBoundary(ReadOnlySpan{byte}, bool)"/>, also giving the gear hash at the cut (0 when no byte was hashed).</summary>
    internal int FindBoundary(ReadOnlySpan<byte> data, bool isFinal, out ulong fingerprint)
    {
        fingerprint = 0;
        bool mayGrow = !isFinal && data.Length < _max;
        if (data.Length <= _min)
            return mayGrow ? NoCut : data.Length;

        int end = Math.Min(data.Length, _max);
        int cut = Cut(data, end, out fingerprint);
        // A cut always lies strictly before `end`, so reaching it means no cut in these bytes; a
        // longer input could still cut between here and Max, hence the request for more.
        return cut == end && mayGrow ? NoCut : cut;
    }

    /// <summary>Cuts a whole buffer, appending each chunk's length (they sum to data.Length).</summary>
    public void Split(ReadOnlySpan<byte> data, List<int> lengths)
    {
        while (!data.IsEmpty)
        {
            int length = FindBoundary(data, isFinal: true);
            lengths.Add(length);
            data = data[length..];
        }
    }

    private int Cut(ReadOnlySpan<byte> data, int end, out ulong fingerprint)
    {
        ref byte source = ref MemoryMarshal.GetReference(data);
        ref ulong gear = ref MemoryMarshal.GetArrayDataReference(_gear);
        ref ulong gearShifted = ref MemoryMarshal.GetArrayDataReference(_gearShifted);
        ulong hash = 0;

        int start = _min & ~1;
        int normalizeAt = Math.Min(_avg, end) & ~1;
        int cut = Scan(ref source, ref gear, ref gearShifted, start, normalizeAt, _maskSmall, _maskSmallShifted, ref hash);
        if (cut == NoCut)
            cut = Scan(ref source, ref gear, ref gearShifted, normalizeAt, end & ~1, _maskLarge, _maskLargeShifted, ref hash);

        fingerprint = hash;
        return cut == NoCut ? end : cut;
    }

    /// <summary>
    /// Rolls the hash over byte pairs [from, to) (both even); returns the chunk length at the first
    /// hit or -1. A hit on a pair's first byte cuts before that byte, as the reference does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Scan(
        ref byte source, ref ulong gear, ref ulong gearShifted,
        int from, int to, ulong mask, ulong maskShifted, ref ulong hash)
    {
        ulong h = hash;
        nint i = from;
        nint end = to;
        // Two pairs per step. Each pair's table entries are summed before meeting the hash, so the
        // serial dependency is one shift and one add per pair; the per-byte states the tests need
        // are recovered off that chain by subtraction.
        for (; i + 4 <= end; i += 4)
        {
            ulong first0 = Unsafe.Add(ref gearShifted, Unsafe.Add(ref source, i));
            ulong second0 = Unsafe.Add(ref gear, Unsafe.Add(ref source, i + 1));
            ulong first1 = Unsafe.Add(ref gearShifted, Unsafe.Add(ref source, i + 2));
            ulong second1 = Unsafe.Add(ref gear, Unsafe.Add(ref source, i + 3));
            ulong h1 = (h << 2) + (first0 + second0);
            ulong h3 = (h1 << 2) + (first1 + second1);
            if (((h1 - second0) & maskShifted) == 0) { hash = h1 - second0; return (int)i; }
            if ((h1 & mask) == 0) { hash = h1; return (int)i + 1; }
            if (((h3 - second1) & maskShifted) == 0) { hash = h3 - second1; return (int)i + 2; }
            if ((h3 & mask) == 0) { hash = h3; return (int)i + 3; }
            h = h3;
        }
        if (i < end)
        {
            ulong first = Unsafe.Add(ref gearShifted, Unsafe.Add(ref source, i));
            ulong second = Unsafe.Add(ref gear, Unsafe.Add(ref source, i + 1));
            h = (h << 2) + (first + second);
            if (((h - second) & maskShifted) == 0) { hash = h - second; return (int)i; }
            if ((h & mask) == 0) { hash = h; return (int)i + 1; }
        }
        hash = h;
        return NoCut;
    }
}
