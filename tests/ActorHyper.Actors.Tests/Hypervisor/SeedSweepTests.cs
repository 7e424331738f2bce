using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>Schedules differ from seed to seed; the outcome of the same commands does not.</summary>
public sealed class SeedSweepTests
{
    private static readonly string[] Commands = ["run -nc 2 -i 6", "run -nc 3 -i 2", "run -nc 1 -i 0"];

    [Fact]
    public async Task The_same_commands_under_20_seeds_all_end_running_with_the_same_allocation()
    {
        var outcomes = new List<string>();
        var schedules = new HashSet<ulong>();
        for (var seed = 1UL; seed <= 20; seed++)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            var guest = hv.Events<HardwareEvent>();
            foreach (var command in Commands)
            {
                hv.TypeAhead(command);
            }
            for (var i = 0; i < Commands.Length; i++)
            {
                var reply = hv.Probe.Expect<ShellReply>();
                Assert.True(reply.Succeeded, $"seed {seed}: {reply}");
            }

            var table = hv.Ok<InstanceTable>("wait").Instances;

            Assert.All(table, instance => Assert.Equal(InstanceState.Running, instance.State));
            Assert.Equal([0, 2, 6], table.Select(instance => instance.Id));
            var events = hv.Received(guest);
            Assert.Empty(events.OfType<GuestRuleViolated>());
            Assert.Equal([0, 2, 6], events.OfType<GuestRunning>().Select(e => e.InstanceId).Order());
            outcomes.Add(string.Join("; ", table.Select(instance => $"{instance.Id}: {string.Join(" ", instance.Clusters)} IOC {instance.Ioc} TTY {instance.Tty} FB {instance.Fb}")));
            schedules.Add(hv.Driver.TraceHash);
        }
        Assert.Single(outcomes.Distinct());
        Assert.True(schedules.Count >= 15, $"only {schedules.Count} distinct schedules in 20 seeds");
    }
}
