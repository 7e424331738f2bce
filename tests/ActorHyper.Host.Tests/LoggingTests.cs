using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Host.Logging;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
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
        var system = ActorSystem.Create("log", ConfigurationFactory.ParseString("akka.loglevel = INFO").WithFallback(ControlledConfig.Controlled(1)));
        var driver = ControlledDriver.Of(system);
        driver.Logger = logger;
        var speaker = driver.ActorOf(Props.Create(() => new Speaker()), "speaker");
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1500), speaker, "hello", ActorRefs.NoSender);
        driver.RunUntilQuiescent();
        driver.Terminate();
        // Akka's own lines (its shutdown's) come too; the actor's is the one with its path.
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), l => l.Contains("/user/", StringComparison.Ordinal));
        Assert.Matches(@"^\[step \d+ @1500\.000ms INF\] /user/speaker said hello$", line);
    }

    private sealed class Speaker : ReceiveActor
    {
        public Speaker()
        {
            var log = ActorLog.Of(Context);
            Receive<string>(s => log.Info("said {Word:l}", s));
        }
    }
}
