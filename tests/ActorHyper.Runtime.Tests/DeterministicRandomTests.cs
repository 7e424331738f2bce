using ActorHyper.Runtime;

namespace ActorHyper.Runtime.Tests;

public sealed class DeterministicRandomTests
{
    [Fact]
    public void The_sequence_is_fixed_by_the_seed()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        var c = new DeterministicRandom(43);
        var first = Enumerable.Range(0, 16).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 16).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 16).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void Bounded_draws_stay_in_range_and_cover_it()
    {
        var random = new DeterministicRandom(7);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[random.Next(10)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_000, 11_000));
        Assert.All(Enumerable.Range(0, 1_000).Select(_ => random.Next(-5, 5)), v => Assert.InRange(v, -5, 4));
        Assert.All(Enumerable.Range(0, 1_000).Select(_ => random.NextDouble()), v => Assert.InRange(v, 0.0, 0.9999999999));
    }

    [Fact]
    public void Stable_hash_does_not_depend_on_the_process()
    {
        // FNV-1a of "a": a published test vector, so the hash is the same in every process.
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
    }
}
