using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// The boot core does not wait for servers to be up, so a non-boot processor may ask the node for
/// its idle shuttle before the shuttle server has processed its Start: the node keeps the request
/// until the shuttle server is up, and the boot still ends Running.
/// </summary>
public sealed class EarlyShuttleAskTests
{
    [Fact]
    public async Task Some_seed_makes_a_non_boot_processor_ask_early_and_its_request_waits_and_is_served()
    {
        var earlySeeds = new List<ulong>();
        for (var seed = 1UL; seed <= 30 && earlySeeds.Count == 0; seed++)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            var guest = hv.Events<HardwareEvent>();
            hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
            Assert.Equal(InstanceState.Running, Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances).State);
            var events = hv.Received(guest).OfType<HardwareEvent>().ToList();
            Assert.Empty(events.OfType<GuestRuleViolated>());

            var early = events.OfType<IdleShuttleRequested>().Where(e => e.Early).ToList();
            if (early.Count == 0)
            {
                continue;
            }
            earlySeeds.Add(seed);
            foreach (var ask in early)
            {
                // Asked before the shuttle server was up, served after it: the idle shuttle comes later.
                var asked = events.IndexOf(ask);
                var served = events.FindIndex(e => e is IdleShuttleTaken taken && taken.Processor == ask.Processor);
                Assert.True(served > asked, $"seed {seed}: processor {ask.Processor} asked at {asked}, served at {served}");
            }
        }
        Assert.NotEmpty(earlySeeds);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_guest_boot()
    {
        static async Task<(ulong, long, string)> Boot(ulong seed)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
            hv.Ok<InstanceTable>("wait -i 6");
            var lines = string.Join("\n", hv.Ok<TtyLines>("tty -i 6").Lines);
            hv.Driver.RunUntilQuiescent();
            return (hv.Driver.TraceHash, hv.Driver.Steps, lines);
        }

        Assert.Equal(await Boot(5), await Boot(5));
    }
}
