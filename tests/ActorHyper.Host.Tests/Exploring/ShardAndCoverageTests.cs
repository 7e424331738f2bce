using System.Text.Json;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary><c>explore --shard k/N</c> and the report's coverage.</summary>
public sealed class ShardAndCoverageTests
{
    private static JsonElement Explore(params string[] more)
    {
        var (code, output, error) = HostRunner.Run(["explore", "--scenario", "launch-kill", "--iterations", "4", "--workers", "1", "--json", "--no-progress", .. more]);
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void A_shard_runs_its_share_of_the_iterations_and_says_which_it_is()
    {
        var whole = Explore();
        var second = Explore("--shard", "2/2");

        Assert.Equal("1/1", whole.GetProperty("shard").GetString());
        Assert.Equal("2/2", second.GetProperty("shard").GetString());
        Assert.Equal(2, second.GetProperty("schedules").GetInt32());
        Assert.NotEqual(whole.GetProperty("digest").GetString(), second.GetProperty("digest").GetString());
    }

    [Fact]
    public void The_report_counts_the_actor_message_state_triples_and_lists_them()
    {
        var coverage = Explore().GetProperty("coverage");

        var seen = coverage.GetProperty("seen").EnumerateArray().Select(t => (t.GetProperty("actor").GetString()!, t.GetProperty("message").GetString()!, t.GetProperty("state").GetString()!)).ToList();
        Assert.Equal(coverage.GetProperty("triples").GetInt32(), seen.Count);
        Assert.True(seen.Count > 10, $"{seen.Count} triples");
        Assert.Equal(seen.Order(StringTupleComparer.Instance), seen);
        Assert.Equal(seen.Select(t => t.Item1).Distinct().Count(), coverage.GetProperty("actorTypes").GetInt32());
    }

    [Fact]
    public void The_text_report_names_the_shard_and_counts_the_coverage()
    {
        var (code, output, error) = HostRunner.Run("explore", "--scenario", "launch-kill", "--iterations", "3", "--workers", "1", "--shard", "2/2");

        Assert.True(code == 0, error);
        Assert.Equal(["explore: 1/1 schedules (100%)"], error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("schedules:              1 (shard 2/2: the iterations i with i mod 2 = 1)", output, StringComparison.Ordinal);
        Assert.Matches(@"coverage:               \d+ \(actor type, message type, state\) triples, \d+ actor types, \d+ message types", output);
    }

    [Theory]
    [InlineData("0/2", "--shard 0/2: k must be from 1 to N (N at least 1).")]
    [InlineData("3/2", "--shard 3/2: k must be from 1 to N (N at least 1).")]
    [InlineData("x", "--shard must be k/N (shard k of N, whole numbers, 1 <= k <= N), got 'x'.")]
    public void A_bad_shard_exits_2_with_one_clear_line(string shard, string message)
    {
        var (code, output, error) = HostRunner.Run("explore", "--shard", shard);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>Ordinal order, as the report sorts.</summary>
    private sealed class StringTupleComparer : IComparer<(string, string, string)>
    {
        public static readonly StringTupleComparer Instance = new();

        public int Compare((string, string, string) x, (string, string, string) y)
        {
            var c = string.CompareOrdinal(x.Item1, y.Item1);
            c = c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
            return c != 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }
}
