using System.Buffers;

namespace AmduatFs.Store.Chunking;

public sealed partial class FastCdc2020
{
    private const int DefaultStreamBuffer = 8 * 1024 * 1024;

    /// <summary>
    /// The chunks of a stream, read to its end in large buffers; offsets are relative to where the
    /// stream was positioned. The stream is not disposed.
    /// </summary>
    public static IEnumerable<(long Offset, int Length)> Chunks(Stream stream, ChunkerParameters p)
    {
        ArgumentNullException.ThrowIfNull(stream);
        p.Validate();
        return Chunks(stream, p, Math.Max(2 * p.Max, DefaultStreamBuffer));
    }

    /// <summary>As <see cref="Chunks(Stream, ChunkerParameters)"/> with a chosen buffer size (more than Max).</summary>
    internal static IEnumerable<(long Offset, int Length)> Chunks(Stream stream, ChunkerParameters p, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunker = new FastCdc2020(p);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bufferSize, p.Max);
        return Enumerate(stream, chunker, bufferSize);
    }

    private static IEnumerable<(long Offset, int Length)> Enumerate(Stream stream, FastCdc2020 chunker, int bufferSize)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int start = 0, filled = 0;
            bool atEnd = false;
            long offset = 0;
            while (true)
            {
                if (!atEnd && filled - start < chunker._max)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                    start = 0;
                    atEnd = FillToEnd(stream, buffer.AsSpan(0, bufferSize), ref filled);
                }

                int length = chunker.FindBoundary(buffer.AsSpan(start, filled - start), atEnd);
                if (length == 0)
                    yield break;
                if (length == NoCut)
                    continue;

                yield return (offset, length);
                offset += length;
                start += length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends; true when it ended.</summary>
    private static bool FillToEnd(Stream stream, Span<byte> buffer, ref int filled)
    {
        while (filled < buffer.Length)
        {
            int read = stream.Read(buffer[filled..]);
            if (read == 0)
                return true;
            filled += read;
        }
        return false;
    }
}
