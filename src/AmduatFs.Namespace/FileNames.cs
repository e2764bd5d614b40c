using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AmduatFs.Namespace;

/// <summary>
/// Lossless conversion between raw name bytes and .NET strings, in the manner of Python's
/// "surrogateescape": valid UTF-8 decodes normally and every byte that is not part of a valid
/// UTF-8 sequence becomes the lone surrogate U+DC00 + byte. Linux names need not be UTF-8, so
/// trees keep bytes and only the edges (display, user-typed paths) use strings.
/// </summary>
public static class FileNames
{
    private const char EscapeBase = '\uDC00';

    public static string ToDisplay(ReadOnlySpan<byte> name)
    {
        if (Utf8.IsValid(name)) return Encoding.UTF8.GetString(name);
        var text = new StringBuilder(name.Length);
        while (!name.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(name, out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (int i = 0; i < consumed; i++) text.Append((char)(EscapeBase + name[i]));
            }
            name = name[consumed..];
        }
        return text.ToString();
    }

    /// <summary>The inverse of <see cref="ToDisplay"/>: escaped bytes come back as themselves.</summary>
    /// <exception cref="ArgumentException">the string holds a lone surrogate that is not an escaped byte.</exception>
    public static byte[] FromDisplay(string display)
    {
        var bytes = new List<byte>(display.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < display.Length; i++)
        {
            char c = display[i];
            if (c is >= '\uDC80' and <= '\uDCFF')
            {
                bytes.Add((byte)(c - EscapeBase));
                continue;
            }
            if (!Rune.TryGetRuneAt(display, i, out Rune rune))
                throw new ArgumentException($"name '{display}' holds a lone surrogate U+{(int)c:X4} at index {i} that is not an escaped byte", nameof(display));
            int written = rune.EncodeToUtf8(utf8);
            for (int k = 0; k < written; k++) bytes.Add(utf8[k]);
            i += rune.Utf16SequenceLength - 1;
        }
        return bytes.ToArray();
    }
}
