using System.Threading.Channels;
using System.Threading.Tasks.Dataflow;
using ActorHyper.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// Two parties bounce one ball back and forth: 2,000,000 deliveries, each to an idle receiver,
/// so every delivery pays the full cost of waking a consumer.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class PingPongBenchmarks
{
    public const int Deliveries = 2_000_000;
    private static readonly object Ball = new();

    private ActorSystem _system = null!;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors() => _system = ActorSystem.Create("bench", ActorSystemSettings.Concurrent());

    [GlobalCleanup(Target = nameof(Actors))]
    public void CleanupActors() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("ping-pong")]
    public void Actors()
    {
        var done = new TaskCompletionSource();
        var left = Deliveries;
        var players = new IActorRef[2];
        players[0] = _system.ActorOf(Props.Create(() => new Player(() => players[1], () => --left == 0, done)));
        players[1] = _system.ActorOf(Props.Create(() => new Player(() => players[0], () => --left == 0, done)));
        players[0].Tell(Ball);
        done.Task.GetAwaiter().GetResult();
        _system.Stop(players[0]);
        _system.Stop(players[1]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("ping-pong")]
    public void ActionBlocks()
    {
        var done = new TaskCompletionSource();
        var left = Deliveries;
        ActionBlock<object>? a = null;
        ActionBlock<object>? b = null;
        a = new ActionBlock<object>(m =>
        {
            if (--left == 0)
            {
                done.SetResult();
            }
            else
            {
                b!.Post(m);
            }
        });
        b = new ActionBlock<object>(m =>
        {
            if (--left == 0)
            {
                done.SetResult();
            }
            else
            {
                a.Post(m);
            }
        });
        a.Post(Ball);
        done.Task.GetAwaiter().GetResult();
        a.Complete();
        b.Complete();
    }

    [Benchmark(OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("ping-pong")]
    public void Channels()
    {
        var left = Deliveries;
        var toA = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var toB = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        var done = new TaskCompletionSource();

        async Task Play(ChannelReader<object> inbox, ChannelWriter<object> outbox)
        {
            await foreach (var m in inbox.ReadAllAsync())
            {
                if (--left == 0)
                {
                    done.SetResult();
                    return;
                }

                outbox.TryWrite(m);
            }
        }

        var playA = Play(toA.Reader, toB.Writer);
        var playB = Play(toB.Reader, toA.Writer);
        toA.Writer.TryWrite(Ball);
        done.Task.GetAwaiter().GetResult();
        toA.Writer.Complete();
        toB.Writer.Complete();
        Task.WaitAll(playA, playB);
    }

    private sealed class Player(Func<IActorRef> other, Func<bool> last, TaskCompletionSource done) : ActorBase
    {
        private IActorRef? _other;

        protected override bool Receive(object message)
        {
            if (last())
            {
                done.SetResult();
            }
            else
            {
                (_other ??= other()).Tell(message, Self);
            }

            return true;
        }
    }
}
