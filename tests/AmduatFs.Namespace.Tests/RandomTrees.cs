using AmduatFs.Core;

namespace AmduatFs.Namespace.Tests;

/// <summary>Random but valid trees from a seed, leaning on the edge cases: non-UTF-8, 255-byte, newline and space names.</summary>
internal static class RandomTrees
{
    public static Tree Build(int seed, int count)
    {
        var random = new Random(seed);
        var entries = new Dictionary<string, TreeEntry>();
        while (entries.Count < count)
        {
            var entry = Entry(random);
            entries.TryAdd(Convert.ToHexString(entry.Name), entry);
        }
        return Tree.Create(entries.Values);
    }

    public static TreeEntry Entry(Random random)
    {
        var name = Name(random, 255);
        uint mode = (uint)random.Next(0, 0x1000);
        uint uid = (uint)random.NextInt64(0, uint.MaxValue + 1L);
        uint gid = (uint)random.NextInt64(0, uint.MaxValue + 1L);
        long mtime = random.NextInt64(long.MinValue, long.MaxValue);
        var xattrs = Xattrs(random);
        return random.Next(3) switch
        {
            0 => TreeEntry.File(name, Reference(random), (ulong)random.NextInt64(0, long.MaxValue), mode, uid, gid, mtime, xattrs),
            1 => TreeEntry.Directory(name, Reference(random), mode, uid, gid, mtime, xattrs),
            _ => TreeEntry.Symlink(name, LinkTarget(random), mode, uid, gid, mtime, xattrs),
        };
    }

    public static byte[] Name(Random random, int maxLength)
    {
        while (true)
        {
            int length = random.Next(4) == 0 ? maxLength : random.Next(1, Math.Min(maxLength, 12) + 1);
            var name = new byte[length];
            for (int i = 0; i < length; i++)
            {
                name[i] = random.Next(6) switch
                {
                    0 => (byte)'\n',
                    1 => (byte)' ',
                    2 => (byte)random.Next(0x80, 0x100), // mostly invalid UTF-8
                    _ => (byte)random.Next('a', 'z' + 1),
                };
            }
            if (!(name is [(byte)'.'] or [(byte)'.', (byte)'.'])) return name;
        }
    }

    private static byte[] LinkTarget(Random random)
    {
        var target = new byte[random.Next(4) == 0 ? 4095 : random.Next(1, 40)];
        random.NextBytes(target);
        for (int i = 0; i < target.Length; i++) if (target[i] == 0) target[i] = (byte)'/';
        return target;
    }

    private static Reference Reference(Random random)
    {
        var digest = new byte[32];
        random.NextBytes(digest);
        return AmduatFs.Core.Reference.Sha256(digest);
    }

    private static ExtendedAttribute[] Xattrs(Random random)
    {
        var byName = new SortedDictionary<string, ExtendedAttribute>(StringComparer.Ordinal);
        int count = random.Next(3) == 0 ? random.Next(1, 5) : 0;
        while (byName.Count < count)
        {
            var name = Name(random, 255);
            for (int i = 0; i < name.Length; i++) if (name[i] == 0) name[i] = 1;
            var value = new byte[random.Next(0, 64)];
            random.NextBytes(value);
            byName.TryAdd(Convert.ToHexString(name), new ExtendedAttribute(name, value));
        }
        // Upper-case hex of the bytes sorts ordinally exactly as the bytes do.
        return byName.Values.ToArray();
    }
}
