using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Faults;
using Akka.Actor;

namespace ActorHyper.Actors.Faults;

/// <summary>
/// The faults of one actor system's run. Unarmed (the default) it injects nothing and draws nothing,
/// so a run without faults is the run it always was. Armed with rules and a seed, each site draws
/// from its own stream (derived from the seed, the point and the site only, apart from the actors'
/// streams), so a site's faults do not depend on what other sites did first; armed with a plan, it
/// injects exactly the plan's faults (a replay, a shrinking candidate) and draws nothing. Either way
/// every opportunity is counted per site, which is how a fault is named. Nothing is injected while a
/// controlled driver is between runs (a power cycle's clean-up).
/// </summary>
public sealed class FaultInjector : IExtension
{
    private readonly ActorSystem system;
    private readonly Lock gate = new();
    private readonly Dictionary<(FaultPoint, string), long> counts = [];
    private readonly Dictionary<(FaultPoint, string), DeterministicRandom> streams = [];
    private readonly List<InjectedFault> injected = [];
    private FaultRules rules = FaultRules.None;
    private Dictionary<(FaultPoint, string, long), InjectedFault>? plan;
    private ulong seed;

    internal FaultInjector(ActorSystem system)
    {
        this.system = system;
    }

    public static FaultInjector For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<FaultInjector, FaultInjectorProvider>();
    }

    /// <summary>Whether anything can be injected this run.</summary>
    public bool IsArmed { get; private set; }

    /// <summary>The faults injected since the last <see cref="Arm"/> or <see cref="ArmPlan"/>, in the order they happened.</summary>
    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (gate)
            {
                return [.. injected];
            }
        }
    }

    /// <summary>A new run drawing faults by <paramref name="faultRules"/> from <paramref name="runSeed"/> (no rules: unarmed).</summary>
    public void Arm(FaultRules faultRules, ulong runSeed)
    {
        ArgumentNullException.ThrowIfNull(faultRules);
        lock (gate)
        {
            Clear();
            rules = faultRules;
            seed = runSeed;
            plan = null;
            IsArmed = !faultRules.IsEmpty;
        }
    }

    /// <summary>A new run injecting exactly <paramref name="faults"/> where their opportunities come (none: unarmed).</summary>
    public void ArmPlan(IEnumerable<InjectedFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (gate)
        {
            Clear();
            rules = FaultRules.None;
            plan = [];
            foreach (var fault in faults)
            {
                plan[(FaultKinds.PointOf(fault.Kind), fault.Site, fault.Occurrence)] = fault;
            }

            IsArmed = plan.Count > 0;
        }
    }

    /// <summary>No faults from now on.</summary>
    public void Disarm() => Arm(FaultRules.None, 0);

    /// <summary>
    /// An opportunity at <paramref name="point"/> and <paramref name="site"/>: the fault to inject
    /// there, or null. Called by the unit at the moment it would act, on its own thread.
    /// </summary>
    public InjectedFault? Decide(FaultPoint point, string site)
    {
        if (!IsArmed || ControlledDriver.TryGet(system) is { IsBetweenRuns: true })
        {
            return null;
        }

        lock (gate)
        {
            var key = (point, site);
            var occurrence = counts.GetValueOrDefault(key) + 1;
            counts[key] = occurrence;
            InjectedFault? fault;
            if (plan is not null)
            {
                fault = plan.GetValueOrDefault((point, site, occurrence));
            }
            else if (rules.Covers(point))
            {
                if (!streams.TryGetValue(key, out var stream))
                {
                    stream = new DeterministicRandom(seed ^ StableHash.Of($"fault:{point}:{site}"));
                    streams.Add(key, stream);
                }

                fault = rules.Pick(point, stream.NextDouble()) is { } rule ? new InjectedFault(rule.Kind, site, occurrence, rule.Duration) : null;
            }
            else
            {
                fault = null;
            }

            if (fault is not null)
            {
                injected.Add(fault);
            }

            return fault;
        }
    }

    private void Clear()
    {
        counts.Clear();
        streams.Clear();
        injected.Clear();
    }

    /// <summary>How a mailbox is named as a fault site.</summary>
    public static string MailboxSite(ClusterId cluster, int slot) => $"xicu{cluster}.{slot}";

    public static string CoreSite(ClusterId cluster, int index) => $"core{cluster}.{index}";

    public static string IocSite(int channel) => $"ioc.{channel}";

    public static string DmaSite(ClusterId cluster) => $"dma{cluster}";
}

/// <summary>Creates the one <see cref="FaultInjector"/> of a system.</summary>
public sealed class FaultInjectorProvider : ExtensionIdProvider<FaultInjector>
{
    public override FaultInjector CreateExtension(ExtendedActorSystem system) => new(system);
}
