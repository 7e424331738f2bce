using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class BecomeStashTests
{
    private sealed record Open;

    private sealed record Close;

    /// <summary>A door: while closed it stashes requests; opening replays them in order.</summary>
    private sealed class Door : ReceiveActor
    {
        public Door()
        {
            Closed();
        }

        private void Closed()
        {
            Receive<Open>(_ =>
            {
                Become(Opened);
                Context.UnstashAll();
            });
            Receive<string>(_ => Context.Stash());
        }

        private void Opened()
        {
            Receive<Close>(_ => Become(Closed));
            Receive<string>(s => Sender.Tell("through:" + s));
        }
    }

    /// <summary>Counts up, with a stacked "shouting" behaviour that can be popped.</summary>
    private sealed class Voice : ReceiveActor
    {
        public Voice()
        {
            Receive<string>(s =>
            {
                if (s == "shout")
                {
                    BecomeStacked(() =>
                    {
                        Receive<string>(t =>
                        {
                            if (t == "calm")
                            {
                                UnbecomeStacked();
                            }
                            else
                            {
                                Sender.Tell(t.ToUpperInvariant());
                            }
                        });
                    });
                }
                else
                {
                    Sender.Tell(s);
                }
            });
        }
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Stashed_messages_are_replayed_in_order_after_become(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var door = system.ActorOf(Props.Create(() => new Door()));
        probe.Send(door, "a");
        probe.Send(door, "b");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        probe.Send(door, new Open());
        probe.Send(door, "c");
        Assert.Equal("through:a", probe.ExpectMsg<string>());
        Assert.Equal("through:b", probe.ExpectMsg<string>());
        Assert.Equal("through:c", probe.ExpectMsg<string>());
        probe.Send(door, new Close());
        probe.Send(door, "d");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Become_stacked_and_unbecome_return_to_the_previous_behaviour(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var voice = system.ActorOf(Props.Create(() => new Voice()));
        probe.Send(voice, "hi");
        probe.ExpectMsg("hi");
        probe.Send(voice, "shout");
        probe.Send(voice, "hi");
        probe.ExpectMsg("HI");
        probe.Send(voice, "calm");
        probe.Send(voice, "hi");
        probe.ExpectMsg("hi");
        await system.Terminate();
    }
}
