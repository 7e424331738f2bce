using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorHyper.Exploration.Trace;

/// <summary>
/// Hashes that are the same in every process, unlike <see cref="string.GetHashCode()"/>: what trace
/// hashes and seeds derived from names need. <see cref="Of"/> is FNV-1a over UTF-8 (actors' random
/// streams are seeded from it); <see cref="Add"/> folds values in with xxHash64's round.
/// </summary>
public static class StableHash
{
    public const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Actors' paths and type names, hashed as actors and channels appear: a short text is encoded
        // on the stack (at most 3 bytes a UTF-16 unit), so that hashing it allocates nothing.
        Span<byte> buffer = stackalloc byte[3 * 256];
        ReadOnlySpan<byte> bytes = text.Length <= 256 ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        var hash = Offset;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>Folds the UTF-16 code units of <paramref name="text"/> and its length into <paramref name="hash"/>, without allocating.</summary>
    public static ulong AddText(ulong hash, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.AsSpan();
        // Four code units at a time; little-endian on every platform .NET runs this on, so stable.
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var word in words)
        {
            hash = Add(hash, word);
        }

        for (var i = words.Length * 4; i < chars.Length; i++)
        {
            hash = Add(hash, chars[i]);
        }

        return Add(hash, (ulong)text.Length);
    }

    /// <summary>
    /// Folds <paramref name="value"/> into <paramref name="hash"/>: one round of xxHash64's mixing
    /// (multiply, rotate, multiply), so a trace hash costs a few cycles per value, and every bit of
    /// the value moves the result.
    /// </summary>
    public static ulong Add(ulong hash, ulong value)
    {
        hash ^= BitOperations.RotateLeft(value * 0xC2B2AE3D27D4EB4FUL, 31) * 0x9E3779B185EBCA87UL;
        return (BitOperations.RotateLeft(hash, 27) * 0x9E3779B185EBCA87UL) + 0x85EBCA77C2B2AE63UL;
    }
}
