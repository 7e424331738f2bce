using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>The digest a trace folds in for each delivered message: by value, stable, and total.</summary>
public sealed class MessageDigestTests
{
    private readonly record struct Point(int X, int Y);

    private sealed record Status(string State, Point At, Status? Previous);

    private sealed record Report(int Core, Status Status, IReadOnlyList<Point> Trail, TimeSpan At);

    private sealed class Throwing
    {
        public int Value => 7;

        public int Broken => throw new InvalidOperationException("not data");
    }

    private enum Signed : long
    {
        Minus = -3,
    }

    private static Report Sample(int y = 2, string state = "running", Status? previous = null) =>
        new(3, new Status(state, new Point(1, y), previous), [new Point(0, 0), new Point(1, y)], TimeSpan.FromMilliseconds(5));

    [Fact]
    public void A_text_hash_is_FNV_1a_over_its_UTF_8_bytes_short_or_long()
    {
        // The published FNV-1a 64 values: actors' random streams are seeded from these hashes, so they never change.
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Of(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Of("a"));
        Assert.Equal(0x85944171f73967e8UL, StableHash.Of("foobar"));
        // Past the stack buffer the bytes come from the heap; beyond ASCII, each character is its UTF-8 bytes.
        var accented = new string('é', 300);
        var expected = 0xcbf29ce484222325UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(accented))
        {
            expected = (expected ^ b) * 1099511628211UL;
        }

        Assert.Equal(expected, StableHash.Of(accented));
        Assert.NotEqual(StableHash.Of(accented[..256]), StableHash.Of(accented[..255]));
    }

    [Fact]
    public void Equal_values_digest_alike_and_a_difference_anywhere_inside_changes_the_digest()
    {
        Assert.Equal(MessageDigest.Of(Sample()), MessageDigest.Of(Sample()));
        Assert.NotEqual(MessageDigest.Of(Sample()), MessageDigest.Of(Sample(y: 3)));
        Assert.NotEqual(MessageDigest.Of(Sample()), MessageDigest.Of(Sample(state: "waiting")));
        Assert.NotEqual(MessageDigest.Of(Sample()), MessageDigest.Of(Sample(previous: new Status("reset", default, null))));
        Assert.NotEqual(MessageDigest.Of(new Point(1, 2)), MessageDigest.Of(new Point(2, 1)));
    }

    [Fact]
    public void A_large_value_nested_in_many_messages_digests_the_same_the_first_time_and_when_remembered()
    {
        var trail = Enumerable.Range(0, 50).Select(i => new Point(i, i)).ToList();
        var first = MessageDigest.Of(new Report(1, new Status("a", default, null), trail, TimeSpan.Zero));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first, MessageDigest.Of(new Report(1, new Status("a", default, null), trail, TimeSpan.Zero)));
        }
    }

    [Fact]
    public void Getters_that_throw_negative_enums_nulls_and_actor_references_do_not_break_a_digest()
    {
        Assert.Equal(MessageDigest.Of(new Throwing()), MessageDigest.Of(new Throwing()));
        Assert.NotEqual(MessageDigest.Of(Signed.Minus), MessageDigest.Of(3L));
        Assert.NotEqual(MessageDigest.Of(null), MessageDigest.Of(""));
        Assert.Equal(MessageDigest.Of(ActorRefs.Nobody), MessageDigest.Of(ActorRefs.Nobody));
    }

    private sealed record Wide(int A, int B, int C, int D, int E, int F, int G, string H);

    private sealed record Carrier(int Hop, Wide Payload, int[] Numbers, IReadOnlyList<string> Names);

    [Fact]
    public void A_memo_gives_the_digest_computed_afresh_and_remembers_only_large_nested_values()
    {
        var wide = new Wide(1, 2, 3, 4, 5, 6, 7, "eight");
        var numbers = Enumerable.Range(0, 20).ToArray();
        var names = new List<string> { "a", "b" };
        var memo = new DigestMemo();
        for (var hop = 0; hop < 3; hop++)
        {
            var carrier = new Carrier(hop, wide, numbers, names);
            Assert.Equal(MessageDigest.Of(carrier), MessageDigest.Of(carrier, memo));
        }

        // The wide record and the 20 numbers are remembered; the short list and the top-level messages are not.
        Assert.Equal(2, memo.Count);
        Assert.NotEqual(MessageDigest.Of(new Carrier(0, wide, numbers, names), memo),
            MessageDigest.Of(new Carrier(0, wide with { G = 70 }, numbers, names), memo));
        memo.Clear();
        Assert.Equal(0, memo.Count);
    }

    [Fact]
    public void Lists_and_arrays_digest_by_their_elements_in_order_and_their_length()
    {
        Assert.Equal(MessageDigest.Of(new[] { 1, 2, 3 }), MessageDigest.Of(new[] { 1, 2, 3 }));
        Assert.NotEqual(MessageDigest.Of(new[] { 1, 2, 3 }), MessageDigest.Of(new[] { 1, 3, 2 }));
        Assert.NotEqual(MessageDigest.Of(new[] { 1, 2 }), MessageDigest.Of(new[] { 1, 2, 0 }));
        Assert.NotEqual(MessageDigest.Of(new List<string?> { "a", null }), MessageDigest.Of(new List<string?> { null, "a" }));
        Assert.Equal(MessageDigest.Of(new Queue<int>([4, 5])), MessageDigest.Of(new Queue<int>([4, 5])));
        Assert.NotEqual(MessageDigest.Of(new Queue<int>([4, 5])), MessageDigest.Of(new Queue<int>([5, 4])));
    }
}
