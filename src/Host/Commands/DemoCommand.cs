using System.CommandLine;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper demo</c>: on the configured machine, launches two instances, waits until they are
/// Running, and shows the cluster map, the instance table and each instance's boot output.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demo's launches: instance 6 on 2 clusters, instance 2 on 3.</summary>
    public static IReadOnlyList<string> Launches { get; } = ["run -nc 2 -i 6", "run -nc 3 -i 2"];

    public static Command Create(GlobalOptions global, HostConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (output, error) = (console.Output, console.Error);
        var run = new RunOptions();
        var display = new DisplayOptions();
        var demo = new Command("demo", "Launch two instances on the configured machine (4x4 by default), wait until they run, " +
            "and show the cluster map, the instance table and each instance's boot output");
        run.AddTo(demo);
        display.AddTo(demo);
        demo.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            var (_, options) = global.LoadConfiguration(parsed, error);
            run.Apply(parsed, options.Runtime);
            var logger = global.CreateLogger(parsed, options, error);
            using var session = HypervisorSession.Start(options, logger);
            return parsed.GetValue(display.Json)
                ? ShowJson(session, output)
                : Show(session, options, new ConsoleView(output, display.Pictures(parsed, console)));
        }));
        return demo;
    }

    internal static int Show(HypervisorSession session, ActorHyperOptions options, TextWriter output) =>
        Show(session, options, new ConsoleView(output, pictures: false));

    /// <summary>The demo's commands as JSON lines, one per reply (the launches, the wait, the map, the table, each instance's TTY).</summary>
    internal static int ShowJson(HypervisorSession session, TextWriter output)
    {
        var view = new ConsoleView(output, pictures: false, json: true);
        var replies = Launches.Select(session.Execute).Concat([session.Execute("wait"), session.Execute("map")]).ToList();
        var ps = session.Execute("ps");
        replies.Add(ps);
        IReadOnlyList<InstanceInfo> instances = (ps.Answer as InstanceTable)?.Instances ?? (IReadOnlyList<InstanceInfo>)[];
        replies.AddRange(instances.Select(instance => session.Execute($"tty -i {instance.Id}")));
        foreach (var reply in replies)
        {
            view.Reply(reply, echo: false);
        }

        return replies.All(r => r.Succeeded) && instances.All(i => i.State != InstanceState.Failed) ? 0 : CommandErrors.RunFailed;
    }

    internal static int Show(HypervisorSession session, ActorHyperOptions options, ConsoleView output)
    {
        var machine = options.Machine;
        output.Line($"ActorHyper demo: a {machine.Mesh.X}x{machine.Mesh.Y} machine ({machine.Mesh.X * machine.Mesh.Y} clusters of " +
            $"{machine.CoresPerCluster} cores), {options.Runtime.Mode} mode, seed {options.Runtime.Seed}");
        var allSucceeded = true;
        foreach (var launch in Launches)
        {
            allSucceeded &= Print(output, session.Execute(launch));
        }

        var wait = session.Execute("wait");
        allSucceeded &= wait.Succeeded;
        if (!wait.Succeeded)
        {
            Print(output, wait);
        }

        output.Line("");
        output.Line("Cluster map");
        allSucceeded &= Print(output, session.Execute("map"));

        output.Line("");
        output.Line("Instances");
        var ps = session.Execute("ps");
        allSucceeded &= Print(output, ps);
        IReadOnlyList<InstanceInfo> instances = (ps.Answer as InstanceTable)?.Instances ?? (IReadOnlyList<InstanceInfo>)[];
        foreach (var instance in instances)
        {
            output.Line("");
            output.Line($"Boot output of instance {instance.Id} (TTY {instance.Tty}, sub-channel 0)");
            allSucceeded &= Print(output, session.Execute($"tty -i {instance.Id}"));
        }

        return allSucceeded && ps.Succeeded && instances.All(i => i.State != InstanceState.Failed) ? 0 : CommandErrors.RunFailed;
    }

    /// <summary>Prints the reply's result, or <c>error: COMMAND: MESSAGE</c> (the demo does not echo its commands); true if it succeeded.</summary>
    private static bool Print(ConsoleView output, ShellReply reply)
    {
        if (!reply.Succeeded)
        {
            output.Error(reply.Command, $"{reply.Command}: {reply.Error}");
            return false;
        }

        output.Result(reply);
        return true;
    }
}
