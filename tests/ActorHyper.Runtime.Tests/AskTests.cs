using ActorHyper.Runtime;

namespace ActorHyper.Runtime.Tests;

public sealed class AskTests
{
    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Refuser : ReceiveActor
    {
        public Refuser() => ReceiveAny(_ => Sender.Tell(new StatusFailure(new InvalidOperationException("no"))));
    }

    private static T Await<T>(ActorSystem system, Task<T> task)
    {
        if (system.Mode == ExecutionMode.Controlled)
        {
            system.Controlled.RunUntil(() => task.IsCompleted);
        }

        return task.GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Ask_completes_with_the_reply(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal("hello", Await(system, echo.Ask<string>("hello", TimeSpan.FromSeconds(5))));
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Ask_without_a_reply_times_out_with_a_clear_exception(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var silent = system.ActorOf(Props.Create(() => new Silent()), "silent");
        var task = silent.Ask<string>(42, TimeSpan.FromMilliseconds(200));
        var error = Assert.Throws<AskTimeoutException>(() => Await(system, task));
        Assert.Equal("Ask timed out after 0.2 s: /user/silent did not reply to Int32", error.Message);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task A_status_failure_reply_fails_the_ask_with_its_cause(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var refuser = system.ActorOf(Props.Create(() => new Refuser()));
        var error = Assert.Throws<InvalidOperationException>(() => Await(system, refuser.Ask<string>("x", TimeSpan.FromSeconds(5))));
        Assert.Equal("no", error.Message);
        await system.Terminate();
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_fails_the_ask_naming_both_types()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        var error = Assert.Throws<InvalidCastException>(() => Await(system, echo.Ask<string>(7, TimeSpan.FromSeconds(1))));
        Assert.Contains("expected a String reply but got Int32", error.Message, StringComparison.Ordinal);
        await system.Terminate();
    }

    [Fact]
    public async Task Ask_always_needs_a_positive_timeout()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", TimeSpan.Zero); });
        await system.Terminate();
    }
}
