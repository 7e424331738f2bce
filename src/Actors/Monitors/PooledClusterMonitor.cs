using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: a cluster back in the pool has its HATs off, its RAM empty and its cores waiting.
/// Checked when the hypervisor returns an instance's clusters (the end of a kill), against what the
/// HAT, memory and core events say of each of them. The rule speaks of the moment a cluster goes
/// back, so that is where it is checked; before, an instance's cluster is rightly dirty.
/// </summary>
/// <remarks>
/// Given a memory image, it reads that memory image, which another monitor of the
/// same run keeps (<see cref="CodeInPlaceMonitor"/>): memory events are many, and one image of them
/// is enough. The image is only read on a release, never on a memory event, so it does not matter
/// which monitor sees an event first.
/// </remarks>
public sealed class PooledClusterMonitor : RunMonitor, IStateDigest
{
    private readonly MachineSpec spec;
    private readonly HatBook hats = new();
    private readonly MemoryImage memory;
    private readonly bool keepsMemory;

    public PooledClusterMonitor(MachineSpec spec)
        : this(spec, null)
    {
    }

    internal PooledClusterMonitor(MachineSpec spec, MemoryImage? keptElsewhere)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
        memory = keptElsewhere ?? new MemoryImage();
        keepsMemory = keptElsewhere is null;
    }

    private readonly Dictionary<CoreId, CoreStatus> cores = [];

    public override string Name => "pooled-cluster-clean";

    /// <summary>The HATs, the cores' statuses, and the memory image if this monitor keeps it (else its keeper digests it).</summary>
    public ulong StateDigest() => StableHash.Add(StableHash.Add(hats.Digest(),
        StateDigests.Unordered(cores, static entry => StableHash.Add(MessageDigest.Of(entry.Key), MessageDigest.Of(entry.Value)))),
        keepsMemory ? memory.Digest() : 0);

    public override void OnRunStart()
    {
        hats.Clear();
        if (keepsMemory)
        {
            memory.Clear();
        }
        cores.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(CoreStatusChanged), typeof(ResourcesReleased)], HatBook.Events, keepsMemory ? MemoryImage.Events : []);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case CoreStatusChanged changed:
                cores[changed.Core] = changed.Status;
                break;
            case ResourcesReleased released:
                foreach (var cluster in released.Allocation.Clusters)
                {
                    var units = Enumerable.Range(0, spec.CoresPerCluster).Select(index => UnitId.CoreHat(new CoreId(cluster, index))).Append(UnitId.DmaHat(cluster));
                    foreach (var hat in units.Where(hat => hats.ModeOf(hat) != HatMode.Off))
                    {
                        Fail($"cluster {cluster} went back to the pool after instance {released.InstanceId} with the {hat} still {hats.ModeOf(hat)}");
                    }
                    if (memory.Regions(cluster) is { Count: > 0 } left)
                    {
                        Fail($"cluster {cluster} went back to the pool after instance {released.InstanceId} with its RAM not empty: {left[0]}" +
                             (left.Count > 1 ? $" and {left.Count - 1} more regions" : ""));
                    }
                    for (var index = 0; index < spec.CoresPerCluster; index++)
                    {
                        var core = new CoreId(cluster, index);
                        if (cores.TryGetValue(core, out var status) && status.State != CoreState.Waiting)
                        {
                            Fail($"cluster {cluster} went back to the pool after instance {released.InstanceId} with core {core} {status}, not waiting");
                        }
                    }
                }
                break;
        }
        hats.Observe(published);
        if (keepsMemory)
        {
            memory.Observe(published);
        }
    }
}
