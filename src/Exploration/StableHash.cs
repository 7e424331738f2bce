using System.Text;

namespace ActorHyper.Exploration;

/// <summary>
/// FNV-1a, 64 bits. Unlike <see cref="string.GetHashCode()"/> it is the same in every process,
/// which trace hashes and seeds derived from names need.
/// </summary>
public static class StableHash
{
    public const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = Offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>Folds the UTF-16 code units of <paramref name="text"/> and its length into <paramref name="hash"/>, without allocating.</summary>
    public static ulong AddText(ulong hash, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            hash = (hash ^ (c & 0xFFu)) * Prime;
            hash = (hash ^ (uint)(c >> 8)) * Prime;
        }

        return Add(hash, (ulong)text.Length);
    }

    /// <summary>Folds the 8 bytes of <paramref name="value"/> into <paramref name="hash"/>.</summary>
    public static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (value & 0xFF)) * Prime;
            value >>= 8;
        }

        return hash;
    }
}
