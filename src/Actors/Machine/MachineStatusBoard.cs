using ActorHyper.Actors.Cores;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// The last status each core reported, and whether the machine has started: P0 C_0 running the
/// hypervisor, every other core waiting. Kept up to date in O(1) per report. Owned by the machine actor.
/// </summary>
public sealed class MachineStatusBoard
{
    private readonly MachineSpec spec;
    private readonly CoreStatus[] statuses = new CoreStatus[256 * MachineSpec.MaxCoresPerCluster];
    private int started;

    public MachineStatusBoard(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec.Validated();
        Array.Fill(statuses, CoreStatus.Reset);
    }

    /// <summary>Every core in its started state.</summary>
    public bool IsStarted => started == spec.CoreCount;

    /// <summary>How many cores are in their started state.</summary>
    public int StartedCount => started;

    /// <summary>The state a core is in once the machine has started.</summary>
    public static bool IsStartedState(CoreId core, CoreStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State == (core.IsMachineBootCore ? CoreState.RunningHypervisor : CoreState.Waiting);
    }

    public CoreStatus this[CoreId core] => statuses[Check(core).Slot];

    public void Update(CoreId core, CoreStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var slot = Check(core).Slot;
        started += (IsStartedState(core, status) ? 1 : 0) - (IsStartedState(core, statuses[slot]) ? 1 : 0);
        statuses[slot] = status;
    }

    /// <summary>Every core's status, cluster by cluster in index order.</summary>
    public IEnumerable<CoreStatusReport> Snapshot() =>
        spec.Clusters().SelectMany(cluster => Enumerable.Range(0, spec.CoresPerCluster)
            .Select(index => new CoreId(cluster, index))
            .Select(core => new CoreStatusReport(core, statuses[core.Slot])));

    private CoreId Check(CoreId core) =>
        spec.Contains(core.Cluster) && core.Index >= 0 && core.Index < spec.CoresPerCluster
            ? core
            : throw new ArgumentException($"core {core} is not in the {spec.MeshX}x{spec.MeshY} machine");
}
