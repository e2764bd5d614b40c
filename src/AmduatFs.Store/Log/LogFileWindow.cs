using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace AmduatFs.Store.Log;

/// <summary>
/// Reads a file through one pooled buffer that holds at most the largest record asked for, so scanning a
/// log of any size needs bounded memory. The length is fixed when the window opens: bytes a concurrent
/// writer appends later are not seen, which makes their partial record a torn tail like any other.
/// </summary>
internal sealed class LogFileWindow : IDisposable
{
    private const int MinimumRead = 64 * 1024;

    private readonly SafeFileHandle _file;
    private byte[] _buffer;
    private long _bufferStart;
    private int _bufferCount;

    public LogFileWindow(SafeFileHandle file)
    {
        _file = file;
        Length = RandomAccess.GetLength(file);
        _buffer = ArrayPool<byte>.Shared.Rent(MinimumRead);
    }

    public long Length { get; private set; }

    /// <summary><paramref name="count"/> bytes from <paramref name="offset"/>, or fewer where the file ends. Valid until the next call.</summary>
    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        int wanted = (int)Math.Min(count, Math.Max(0, Length - offset));
        bool buffered = offset >= _bufferStart && offset + wanted <= _bufferStart + _bufferCount;
        if (!buffered) Fill(offset, wanted);
        return _buffer.AsSpan((int)(offset - _bufferStart), Math.Min(wanted, _bufferCount - (int)(offset - _bufferStart)));
    }

    private void Fill(long offset, int wanted)
    {
        if (_buffer.Length < wanted)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(wanted);
        }
        int target = (int)Math.Clamp(Length - offset, 0, _buffer.Length);
        int read = 0;
        while (read < target)
        {
            int n = RandomAccess.Read(_file, _buffer.AsSpan(read, target - read), offset + read);
            if (n == 0)
            {
                // The file shrank under us (a writer rolled back a failed append): it ends here.
                Length = offset + read;
                break;
            }
            read += n;
        }
        _bufferStart = offset;
        _bufferCount = read;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
