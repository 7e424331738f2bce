using System.Globalization;

namespace ActorHyper.Bench;

/// <summary>The numbers the bench's own modes take (<c>scenario 600 warmup=300 threads=2</c>), each checked, refused in one line.</summary>
internal static class BenchArgs
{
    /// <summary>The positional number at <paramref name="index"/> (<paramref name="what"/>, at least <paramref name="min"/>), or <paramref name="fallback"/> when absent.</summary>
    public static int Count(string[] args, int index, string what, int fallback, int min = 1) =>
        args.Length > index ? Number(args[index], what, min) : fallback;

    /// <summary>The number after <paramref name="name"/> (<c>threads=</c>) in <paramref name="mode"/>'s arguments, or <paramref name="fallback"/> when not given.</summary>
    public static int Option(string[] args, string mode, string name, int fallback, int min) =>
        args.FirstOrDefault(a => a.StartsWith(name, StringComparison.Ordinal)) is { } given ? Number(given[name.Length..], $"{mode}: {name}", min) : fallback;

    private static int Number(string text, string what, int min) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new BenchUsageException($"{what} must be a whole number of at least {min}, got '{text}'");
}

/// <summary>A bench argument refused: its message is the one line the bench prints (exit code 2).</summary>
internal sealed class BenchUsageException(string message) : Exception(message);
