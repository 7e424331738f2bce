using ActorHyper.Host.Logging;
using ActorHyper.Runtime;
using Serilog.Events;

namespace ActorHyper.Host.Tests;

public sealed class LoggingTests
{
    [Fact]
    public void The_configured_level_filters_and_verbose_lowers_it_to_debug()
    {
        using var error = new StringWriter();
        var quiet = HostLogging.Create(LogEventLevel.Warning, verbose: false, ExecutionMode.Concurrent, error);
        Assert.False(quiet.IsEnabled(LogEventLevel.Information));
        Assert.True(quiet.IsEnabled(LogEventLevel.Warning));
        var loud = HostLogging.Create(LogEventLevel.Warning, verbose: true, ExecutionMode.Concurrent, error);
        Assert.True(loud.IsEnabled(LogEventLevel.Debug));
        Assert.False(loud.IsEnabled(LogEventLevel.Verbose));
    }

    [Fact]
    public void Controlled_runs_log_the_step_and_virtual_time_with_the_actor_path()
    {
        using var error = new StringWriter();
        var logger = HostLogging.Create(LogEventLevel.Information, verbose: false, ExecutionMode.Controlled, error);
        var system = ActorSystem.Create("log", ActorSystemSettings.Controlled(1) with { Logger = logger });
        var speaker = system.ActorOf(Props.Create(() => new Speaker()), "speaker");
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1500), speaker, "hello");
        system.Controlled.RunUntilQuiescent();
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^\[step \d+ @1500\.000ms INF\] /user/speaker said hello$", line);
    }

    private sealed class Speaker : ReceiveActor
    {
        public Speaker() => Receive<string>(s => Context.Log.Information("said {Word:l}", s));
    }
}
