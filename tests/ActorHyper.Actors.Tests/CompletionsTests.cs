using ActorHyper.Actors.Cores;

namespace ActorHyper.Actors.Tests;

/// <summary>A batch's continuation runs once, after its last instruction completes, or at once for an empty batch.</summary>
public sealed class CompletionsTests
{
    [Fact]
    public void The_continuation_runs_after_the_last_signal_only()
    {
        var ran = 0;
        var signal = Completions.AfterAll(3, () => ran++);
        signal();
        signal();
        Assert.Equal(0, ran);
        signal();
        Assert.Equal(1, ran);
    }

    [Fact]
    public void An_empty_batch_runs_the_continuation_at_once_and_refuses_a_signal()
    {
        var ran = 0;
        var signal = Completions.AfterAll(0, () => ran++);
        Assert.Equal(1, ran);
        Assert.Throws<InvalidOperationException>(signal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Completions.AfterAll(-1, () => { }));
    }
}
