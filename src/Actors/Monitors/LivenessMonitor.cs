using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7, liveness, judged at the end of a bounded run (hot/cold: what is still pending when
/// the run ends is what could wait forever): every launched instance ends Running, Failed with a
/// reason, or Stopped; no core waits while a wake-up written to a mailbox enabled into its line was
/// never read; no command typed at the shell is left unanswered. The commands are the
/// <see cref="ShellInput"/> deliveries, the answers the shell's <see cref="ShellAnswered"/> events.
/// Liveness cannot be judged at a delivery (anything may still come); a bounded run's end is where it is.
/// </summary>
public sealed class LivenessMonitor(MachineSpec spec) : RunMonitor, IStateDigest
{
    private readonly XicuLayout layout = XicuLayout.For(spec);
    private readonly SortedDictionary<int, InstanceStateChanged> instances = [];
    private readonly Dictionary<CoreId, CoreStatus> cores = [];
    private readonly Dictionary<XicuTarget, IpiSent> unread = [];
    private readonly XicuMaskBook masks = new();
    private readonly List<(long Step, string Command)> commands = [];

    public override string Name => "liveness";

    /// <summary>What it will judge at the end; a command by its text only (the step it was typed at only tells the story).</summary>
    public ulong StateDigest()
    {
        var hash = StateDigests.Ordered(instances, static entry => MessageDigest.Of(entry.Value));
        hash = StableHash.Add(hash, StateDigests.Unordered(cores, static entry => StableHash.Add(MessageDigest.Of(entry.Key), MessageDigest.Of(entry.Value))));
        hash = StableHash.Add(hash, StateDigests.Unordered(unread, static entry => MessageDigest.Of(entry.Value)));
        hash = StableHash.Add(hash, masks.Digest());
        return StableHash.Add(hash, StateDigests.Ordered(commands, static command => StableHash.Of(command.Command)));
    }

    public override void OnRunStart()
    {
        instances.Clear();
        cores.Clear();
        unread.Clear();
        masks.Clear();
        commands.Clear();
    }

    public override bool WantsDelivery(Type messageType) => messageType == typeof(ShellInput);

    public override void OnDelivery(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        // A command a stalled core kept aside is handed over again when unstashed: typed once.
        if (delivery.Message is ShellInput input && !delivery.IsUnstashed)
        {
            commands.Add((delivery.Step, input.Text.Trim()));
        }
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(InstanceStateChanged), typeof(CoreStatusChanged), typeof(IpiSent), typeof(IpiTaken), typeof(XicuReset), typeof(ShellAnswered)],
            XicuMaskBook.Events);

    public override void OnEvent(object published)
    {
        masks.Observe(published);
        switch (published)
        {
            case InstanceStateChanged changed:
                instances[changed.InstanceId] = changed;
                break;
            case CoreStatusChanged changed:
                cores[changed.Core] = changed.Status;
                break;
            case IpiSent sent:
                unread[sent.Mailbox] = sent;
                break;
            case IpiTaken taken:
                unread.Remove(taken.Mailbox);
                break;
            case XicuReset reset:
                foreach (var mailbox in unread.Keys.Where(mailbox => mailbox.Cluster == reset.Cluster).ToList())
                {
                    unread.Remove(mailbox);
                }
                break;
            case ShellAnswered answered:
                // Answers come in any order (a run is answered at its hand-off); the shell may echo a
                // command tidied up, so an answer matching no command text settles the oldest one.
                var index = commands.FindIndex(command => command.Command == answered.Command.Trim());
                if (index < 0 && commands.Count > 0)
                {
                    index = 0;
                }
                if (index >= 0)
                {
                    commands.RemoveAt(index);
                }
                break;
        }
    }

    public override void OnRunEnd(RunOutcome outcome)
    {
        var problems = new List<string>();
        foreach (var last in instances.Values)
        {
            if (last.State is InstanceState.Running or InstanceState.Stopped)
            {
                continue;
            }
            if (last.State == InstanceState.Failed)
            {
                if (string.IsNullOrWhiteSpace(last.Reason))
                {
                    problems.Add($"instance {last.InstanceId} failed with no reason");
                }
                continue;
            }
            problems.Add($"instance {last.InstanceId} is still {last.State}, neither Running nor Failed");
        }
        foreach (var (core, status) in cores.Where(entry => entry.Value.State == CoreState.Waiting).OrderBy(entry => entry.Key.Cluster.Index).ThenBy(entry => entry.Key.Index))
        {
            foreach (var sent in unread.Values.Where(sent => sent.Mailbox.Cluster == core.Cluster && Enabled(core, sent.Mailbox.Slot)).OrderBy(sent => sent.Mailbox.Slot))
            {
                problems.Add($"core {core} waits, but 0x{sent.Value:X8} written to {sent.Mailbox} by {sent.Writer} at " +
                             $"{sent.At.TotalMilliseconds:0.###} ms was never read: the wake-up is lost");
            }
        }
        foreach (var (step, command) in commands)
        {
            problems.Add($"the shell never answered '{command}' (typed at step {step})");
        }
        if (problems.Count > 0)
        {
            Fail($"at the end of the run ({outcome}): {string.Join("; ", problems)}");
        }
    }

    private bool Enabled(CoreId core, int slot) => slot == layout.IpiSlot(core.Index) || masks.IsEnabled(core.Cluster, core.Index, slot);
}
