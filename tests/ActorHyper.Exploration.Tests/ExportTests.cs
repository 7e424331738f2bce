using System.Text.Json;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Export;

namespace ActorHyper.Exploration.Tests;

/// <summary>A recorded run of the request/timeout/retry sample's violation, exported for Perfetto and for Mermaid.</summary>
public sealed class ExportTests
{
    private static (ScheduleResult Result, IReadOnlyList<RecordedDelivery> Deliveries) RecordTheViolation()
    {
        var failed = Assert.Throws<ExplorationFailedException>(() => ActorExploration.Run(
            new ExplorationOptions { Iterations = 100 }, RequestTimeoutRetrySample.Setup(checksReplyId: false), RequestTimeoutRetrySample.Monitors));
        var violation = failed.Violation!;
        var run = ActorExploration.Replay(violation, RequestTimeoutRetrySample.Setup(checksReplyId: false), RequestTimeoutRetrySample.Monitors);
        Assert.Equal(violation.Schedule.TraceHash, run.Result.TraceHash);
        Assert.Equal(violation.Invariant, run.Result.Failure?.Monitor);
        return (run.Result, run.Deliveries);
    }

    [Fact]
    public void The_recorder_keeps_every_delivery_with_the_step_its_message_was_sent_at()
    {
        var (result, deliveries) = RecordTheViolation();

        Assert.Equal(result.Steps, deliveries.Count);
        Assert.Equal(Enumerable.Range(0, deliveries.Count).Select(i => (long)i), deliveries.Select(d => d.Step));
        Assert.All(deliveries, d => Assert.InRange(d.SentAtStep, 0, d.Step));
        var timeout = deliveries.First(d => d.MessageType == "Timeout");
        Assert.True(timeout.IsTimer);
        Assert.Equal("Timeout { Id = 1 }", timeout.Text);
    }

    [Fact]
    public void A_slice_keeps_the_deliveries_the_story_shows_and_ends_on_the_failing_one()
    {
        var (result, deliveries) = RecordTheViolation();
        var slice = new RecordedRun(result, deliveries).Slice().Deliveries;

        Assert.InRange(slice.Count, 1, deliveries.Count);
        Assert.Equal(slice.OrderBy(static d => d.Step), slice);
        Assert.All(slice, d => Assert.Contains(d, deliveries));
        Assert.Equal(deliveries.Last(d => d.Step <= result.Failure!.Step), slice[^1]);
        // The story prints the same deliveries: its summary counts them.
        Assert.EndsWith($"; {slice.Count} shown", result.Story[0], StringComparison.Ordinal);
        // A run that did not fail has no story: the slice is all of it.
        var clean = new RecordedRun(result with { Failure = null }, deliveries);
        Assert.Same(clean, clean.Slice());
    }

    [Fact]
    public void The_chrome_trace_has_a_track_per_actor_a_slice_per_delivery_and_paired_flow_arrows()
    {
        var (result, deliveries) = RecordTheViolation();
        var trace = JsonDocument.Parse(ChromeTrace.Of(deliveries, result.Failure, "sample")).RootElement;
        var events = trace.GetProperty("traceEvents").EnumerateArray().ToList();

        var tracks = events.Where(e => e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => e.GetProperty("args").GetProperty("name").GetString()!, e => e.GetProperty("tid").GetInt32());
        var actors = deliveries.Select(d => d.Receiver).Concat(deliveries.Select(d => d.Sender).Where(s => s.StartsWith('/'))).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(actors, tracks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(tracks.Count, tracks.Values.Distinct().Count());

        var slices = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() is "message" or "timer").ToList();
        Assert.Equal(deliveries.Count, slices.Count);
        Assert.All(slices.Zip(deliveries), pair => Assert.Equal(tracks[pair.Second.Receiver], pair.First.GetProperty("tid").GetInt32()));

        var starts = events.Where(e => e.GetProperty("ph").GetString() == "s").ToDictionary(e => e.GetProperty("id").GetInt64());
        var finishes = events.Where(e => e.GetProperty("ph").GetString() == "f").ToDictionary(e => e.GetProperty("id").GetInt64());
        Assert.NotEmpty(starts);
        Assert.Equal(starts.Keys.Order(), finishes.Keys.Order());
        Assert.All(starts, s => Assert.True(s.Value.GetProperty("ts").GetInt64() < finishes[s.Key].GetProperty("ts").GetInt64()));
        // The retry's request: an arrow from the client's track to the link's.
        var retry = deliveries.First(d => d.MessageType == "Request" && d.Text.StartsWith("Request { Id = 2", StringComparison.Ordinal));
        Assert.Contains(finishes.Values, f => f.GetProperty("tid").GetInt32() == tracks[retry.Receiver]
            && f.GetProperty("ts").GetInt64() == (retry.Step * ChromeTrace.StepMicros) + 1
            && starts[f.GetProperty("id").GetInt64()].GetProperty("tid").GetInt32() == tracks[retry.Sender]);
        // The late reply, by a timer the server set: an arrow from the server's track.
        var late = deliveries.First(d => d.MessageType == "Reply");
        Assert.Equal("/user/exploration/run/server", late.TimerSender);
        Assert.Contains(finishes.Values, f => f.GetProperty("ts").GetInt64() == (late.Step * ChromeTrace.StepMicros) + 1
            && starts[f.GetProperty("id").GetInt64()].GetProperty("tid").GetInt32() == tracks["/user/exploration/run/server"]);
        var violation = Assert.Single(events, e => e.GetProperty("ph").GetString() == "i");
        Assert.Equal("violation: answer-matches-request", violation.GetProperty("name").GetString());
    }

    [Fact]
    public void The_mermaid_diagram_has_the_participants_an_arrow_per_delivery_and_the_violation()
    {
        var (result, deliveries) = RecordTheViolation();
        var lines = MermaidSequence.Of(deliveries, result.Failure, "sample").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("sequenceDiagram", lines[0]);
        var participants = lines.Where(l => l.TrimStart().StartsWith("participant ", StringComparison.Ordinal)).Select(l => l.Split(" as ")[1]).ToList();
        Assert.Equal(["outside", "exploration", "run", "client", "link", "server"], participants);
        Assert.Equal(deliveries.Count, lines.Count(l => l.Contains("->>", StringComparison.Ordinal)));
        // A timer: an arrow from the client to itself.
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    (p\d+)->>\1: \d+ \(timer\) Timeout \{ Id = 1 \}$"));
        // The server's reply, by a scheduler timer it set naming itself as sender: an arrow from the server to the client.
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    p6->>p4: \d+ \(timer\) Reply \{ RequestId = 1, Answer = answer to 1 \}$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^    p4->>p5: \d+ Request \{ Id = 2, ReplyTo = \[akka://explore/user/exploration/run/client\] \}$"));
        Assert.Contains(lines, l => l.Contains("Note over", StringComparison.Ordinal) && l.Contains("violation answer-matches-request", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(';', StringComparison.Ordinal) && !l.Contains("#59;", StringComparison.Ordinal) && !l.Contains("#35;", StringComparison.Ordinal));
    }

    [Fact]
    public void An_export_is_the_same_text_every_time_actor_references_shown_by_path_without_their_uid()
    {
        var (_, first) = RecordTheViolation();
        var (_, second) = RecordTheViolation();

        Assert.Equal(first, second);
        Assert.Contains(first, d => d.Text == "Request { Id = 1, ReplyTo = [akka://explore/user/exploration/run/client] }");
    }

    [Fact]
    public void Short_names_are_the_shortest_path_ends_that_tell_actors_apart()
    {
        var names = MermaidSequence.ShortNames(["/user/a/core", "/user/b/core", "/user/b/x", "outside"]);

        Assert.Equal("a/core", names["/user/a/core"]);
        Assert.Equal("b/core", names["/user/b/core"]);
        Assert.Equal("x", names["/user/b/x"]);
        Assert.Equal("outside", names["outside"]);
    }
}
