using System.Runtime.InteropServices;

namespace AmduatFs.Fuse.Native;

/// <summary>A native scratch buffer from <see cref="NativeBufferPool"/>.</summary>
internal readonly unsafe struct NativeBuffer(byte* pointer, int capacity)
{
    public byte* Pointer { get; } = pointer;
    public int Capacity { get; } = capacity;
}

/// <summary>
/// Native buffers for read/readdir/readlink replies, shared by the loop threads without per-call allocation.
/// Sizes are rounded up to powers of two; at most <c>retain</c> buffers are kept between calls.
/// </summary>
internal sealed unsafe class NativeBufferPool(int retain) : IDisposable
{
    private const int MinimumSize = 4096;
    private readonly NativeBuffer[] _free = new NativeBuffer[retain];
    private readonly Lock _gate = new();
    private int _count;
    private bool _disposed;

    public NativeBuffer Rent(int size)
    {
        lock (_gate)
        {
            int best = -1;
            for (int i = 0; i < _count; i++)
                if (_free[i].Capacity >= size && (best < 0 || _free[i].Capacity < _free[best].Capacity)) best = i;
            if (best >= 0)
            {
                var found = _free[best];
                _free[best] = _free[--_count];
                return found;
            }
        }
        int capacity = (int)Math.Max(MinimumSize, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size));
        return new NativeBuffer((byte*)NativeMemory.AlignedAlloc((nuint)capacity, 4096), capacity);
    }

    public void Return(NativeBuffer buffer)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                if (_count < _free.Length) { _free[_count++] = buffer; return; }
                // Full: replace the smallest kept buffer if this one is bigger, so big requests stop allocating.
                int smallest = 0;
                for (int i = 1; i < _count; i++) if (_free[i].Capacity < _free[smallest].Capacity) smallest = i;
                if (_free[smallest].Capacity < buffer.Capacity) (_free[smallest], buffer) = (buffer, _free[smallest]);
            }
        }
        NativeMemory.AlignedFree(buffer.Pointer);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            for (int i = 0; i < _count; i++) NativeMemory.AlignedFree(_free[i].Pointer);
            _count = 0;
        }
    }
}
