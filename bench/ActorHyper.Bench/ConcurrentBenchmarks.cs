using System.Threading.Channels;
using System.Threading.Tasks.Dataflow;
using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// Akka.NET on real threads (the default dispatcher, not controlled), for scale: two actors bounce
/// one ball 2,000,000 times, each delivery to an idle receiver, against ActionBlocks and Channels
/// doing the same.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ConcurrentPingPongBenchmarks
{
    public const int Deliveries = 2_000_000;
    private static readonly object Ball = new();

    private ActorSystem _system = null!;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors() => _system = ActorSystem.Create("bench");

    [GlobalCleanup(Target = nameof(Actors))]
    public void CleanupActors() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Deliveries)]
    [BenchmarkCategory("ping-pong")]
    public void Actors()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var left = new Countdown(Deliveries, done);
        var ping = _system.ActorOf(Props.Create(() => new Player(left)));
        var pong = _system.ActorOf(Props.Create(() => new Player(left)));
        ping.Tell(Ball, pong);
        done.Task.GetAwaiter().GetResult();
        _system.Stop(ping);
        _system.Stop(pong);
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

    /// <summary>Touched by one player at a time: the ball is the only message in flight.</summary>
    private sealed class Countdown(int count, TaskCompletionSource done)
    {
        public bool Next()
        {
            if (--count > 0)
            {
                return true;
            }

            done.SetResult();
            return false;
        }
    }

    private sealed class Player : ReceiveActor
    {
        public Player(Countdown left) => ReceiveAny(ball =>
        {
            if (left.Next())
            {
                Sender.Tell(ball);
            }
        });
    }
}

/// <summary>
/// Akka.NET on real threads: 1,000 consumers × 1,000 messages each, all told from one outside
/// thread. Consumers are created before and torn down after the timed part, for every contender alike.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class ConcurrentFanOutBenchmarks
{
    public const int Consumers = 1_000;
    public const int PerConsumer = 1_000;
    private const int Total = Consumers * PerConsumer;
    private static readonly object Message = new();

    private CountdownEvent _finished = null!;
    private ActorSystem _system = null!;
    private IActorRef[] _actors = [];
    private ActionBlock<object>[] _blocks = [];
    private Channel<object>[] _channels = [];
    private Task[] _readers = [];

    [IterationSetup(Target = nameof(Actors))]
    public void SetupActors()
    {
        _finished = new CountdownEvent(Consumers);
        _system = ActorSystem.Create("bench");
        var finished = _finished;
        _actors = [.. Enumerable.Range(0, Consumers).Select(_ => _system.ActorOf(Props.Create(() => new Counter(finished))))];
    }

    [IterationCleanup(Target = nameof(Actors))]
    public void CleanupActors()
    {
        _system.Terminate().GetAwaiter().GetResult();
        _finished.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Total)]
    [BenchmarkCategory("fan-out")]
    public void Actors()
    {
        for (var m = 0; m < PerConsumer; m++)
        {
            foreach (var actor in _actors)
            {
                actor.Tell(Message, ActorRefs.NoSender);
            }
        }

        _finished.Wait();
    }

    [IterationSetup(Target = nameof(ActionBlocks))]
    public void SetupBlocks()
    {
        _finished = new CountdownEvent(Consumers);
        _blocks = [.. Enumerable.Range(0, Consumers).Select(_ =>
        {
            var count = 0;
            return new ActionBlock<object>(_ =>
            {
                if (++count == PerConsumer)
                {
                    _finished.Signal();
                }
            });
        })];
    }

    [IterationCleanup(Target = nameof(ActionBlocks))]
    public void CleanupBlocks()
    {
        foreach (var block in _blocks)
        {
            block.Complete();
        }

        Task.WaitAll([.. _blocks.Select(b => b.Completion)]);
        _finished.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Total)]
    [BenchmarkCategory("fan-out")]
    public void ActionBlocks()
    {
        for (var m = 0; m < PerConsumer; m++)
        {
            foreach (var block in _blocks)
            {
                block.Post(Message);
            }
        }

        _finished.Wait();
    }

    [IterationSetup(Target = nameof(Channels))]
    public void SetupChannels()
    {
        _finished = new CountdownEvent(Consumers);
        _channels = [.. Enumerable.Range(0, Consumers).Select(_ =>
            Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true }))];
        _readers = [.. _channels.Select(channel => Task.Run(async () =>
        {
            var count = 0;
            await foreach (var unused in channel.Reader.ReadAllAsync())
            {
                if (++count == PerConsumer)
                {
                    _finished.Signal();
                }
            }
        }))];
    }

    [IterationCleanup(Target = nameof(Channels))]
    public void CleanupChannels()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.Complete();
        }

        Task.WaitAll(_readers);
        _finished.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Total)]
    [BenchmarkCategory("fan-out")]
    public void Channels()
    {
        for (var m = 0; m < PerConsumer; m++)
        {
            foreach (var channel in _channels)
            {
                channel.Writer.TryWrite(Message);
            }
        }

        _finished.Wait();
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter(CountdownEvent finished) => ReceiveAny(_ =>
        {
            if (++_count == PerConsumer)
            {
                finished.Signal();
            }
        });
    }
}
