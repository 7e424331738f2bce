using System.Threading.Channels;
using System.Threading.Tasks.Dataflow;
using ActorHyper.Runtime;
using BenchmarkDotNet.Attributes;

namespace ActorHyper.Bench;

/// <summary>
/// 1,000 consumers × 1,000 messages each, all posted from one outside thread. Consumers are
/// created before and torn down after the timed part, for every contender alike.
/// </summary>
[Config(typeof(BenchConfig))]
[MemoryDiagnoser]
public class FanOutBenchmarks
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
        _system = ActorSystem.Create("bench", ActorSystemSettings.Concurrent());
        _actors = [.. Enumerable.Range(0, Consumers).Select(_ => _system.ActorOf(Props.Create(() => new Counter(_finished))))];
    }

    [IterationCleanup(Target = nameof(Actors))]
    public void CleanupActors() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Total)]
    [BenchmarkCategory("fan-out")]
    public void Actors()
    {
        for (var m = 0; m < PerConsumer; m++)
        {
            foreach (var actor in _actors)
            {
                actor.Tell(Message);
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

    private sealed class Counter(CountdownEvent finished) : ActorBase
    {
        private int _count;

        protected override bool Receive(object message)
        {
            if (++_count == PerConsumer)
            {
                finished.Signal();
            }

            return true;
        }
    }
}
