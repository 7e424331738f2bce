using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class OrderingTests
{
    private sealed record Numbered(int Sender, int Seq);

    private sealed record Done(int Count);

    /// <summary>Checks that each sender's sequence numbers arrive in order; reports the total at the end.</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int senders, int perSender, IActorRef report)
        {
            var last = new int[senders];
            Array.Fill(last, -1);
            var received = 0;
            Receive<Numbered>(n =>
            {
                if (n.Seq != last[n.Sender] + 1)
                {
                    report.Tell($"out of order: sender {n.Sender} sent {n.Seq} after {last[n.Sender]}");
                }

                last[n.Sender] = n.Seq;
                if (++received == senders * perSender)
                {
                    report.Tell(new Done(received));
                }
            });
        }
    }

    private sealed record Go;

    private sealed class Sender(int id, int count, IActorRef target) : ReceiveActor
    {
        protected override void PreStart()
        {
            for (var i = 0; i < count; i++)
            {
                target.Tell(new Numbered(id, i));
            }
        }
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Messages_from_one_sender_arrive_in_the_order_sent(ExecutionMode mode)
    {
        const int senders = 8;
        const int perSender = 2_000;
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system) { DefaultTimeout = TimeSpan.FromSeconds(20) };
        var checker = system.ActorOf(Props.Create(() => new OrderChecker(senders, perSender, probe.Ref)));
        for (var s = 0; s < senders; s++)
        {
            var id = s;
            system.ActorOf(Props.Create(() => new Sender(id, perSender, checker)));
        }

        // A string here would name the first out-of-order delivery.
        Assert.Equal(senders * perSender, probe.ExpectMsg<Done>().Count);
        await system.Terminate();
    }
}
