using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Monitors;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>
/// The translation-isolation monitor recognises HATs by the sender's path: in a real boot, every
/// translation an active HAT answers comes from a path it reads as that HAT, so it checks them all.
/// </summary>
public sealed class TranslationIsolationRealRunTests
{
    [Fact]
    public async Task Every_translation_of_an_active_hat_in_a_boot_is_one_the_monitor_reads_as_a_core_or_dma_hat()
    {
        await using var hv = MonitoredRun.Machine();
        var seen = new TranslationsSeen();
        hv.Driver.AddMonitor(seen);

        Assert.Null(MonitoredRun.Run(hv, 3, MonitoredRun.Random(3)));

        Assert.NotEmpty(seen.Senders);
        Assert.All(seen.Senders, sender => Assert.True(TranslationIsolationMonitor.HatOf(sender) is { Kind: UnitKind.CoreHat or UnitKind.DmaHat }, sender));
        Assert.Contains(seen.Senders, sender => TranslationIsolationMonitor.HatOf(sender) is { Kind: UnitKind.DmaHat });
    }

    private sealed class TranslationsSeen : RunMonitor
    {
        public HashSet<string> Senders { get; } = [];

        public override void OnRunStart() => Senders.Clear();

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Message is Translated { Issued.Space: AddressSpace.Instance })
            {
                Senders.Add(delivery.Sender);
            }
        }
    }
}
