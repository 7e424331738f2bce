using ActorHyper.Runtime;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorHyper.Runtime.Tests;

/// <summary>Creates systems for tests, in either mode, with a log sink the test can read.</summary>
internal static class TestSystems
{
    public static ActorSystem Create(ExecutionMode mode, ulong seed = 1, ILogEventSink? sink = null)
    {
        var logger = sink is null ? null : new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger();
        var settings = mode == ExecutionMode.Controlled
            ? ActorSystemSettings.Controlled(seed) with { Logger = logger }
            : ActorSystemSettings.Concurrent() with { Logger = logger, Seed = seed };
        return ActorSystem.Create("test", settings);
    }
}

/// <summary>Collects log events in memory.</summary>
internal sealed class ListSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
