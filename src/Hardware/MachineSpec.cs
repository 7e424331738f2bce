using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Hardware;

/// <summary>
/// The shape of the chip: an X x Y mesh of clusters, each with cores, RAM, an XICU and a DMA; the
/// I/O cluster also holds the boot ROM and the IOC, TTY, FBF and IOPIC. The hypervisor always owns
/// cluster (0,0), which holds P0 C_0. Build one with the presets and <c>with</c>, then
/// <see cref="Validate"/>: problems are listed, not thrown, so a host can report them all at once.
/// </summary>
/// <param name="MeshX">Clusters along x, 1..16.</param>
/// <param name="MeshY">Clusters along y, 1..16.</param>
/// <param name="CoresPerCluster">1..4.</param>
/// <param name="RamPerCluster">Bytes of RAM in each cluster, from offset 0.</param>
/// <param name="IoCluster">The cluster that holds the ROM and the I/O devices.</param>
/// <param name="IocChannels">Block device channels; instance I uses channel I.</param>
/// <param name="TtyChannels">Terminal channels, 4 sub-channels each.</param>
/// <param name="FbChannels">Frame buffer channels, paired with the TTY channel of the same index.</param>
/// <param name="WtiSlots">WTI mailboxes per cluster XICU (see <see cref="XicuLayout"/>).</param>
public sealed record MachineSpec(
    int MeshX,
    int MeshY,
    int CoresPerCluster,
    long RamPerCluster,
    ClusterId IoCluster,
    int IocChannels,
    int TtyChannels,
    int FbChannels,
    int WtiSlots)
{
    public const int MaxMesh = 16;
    public const int MaxCoresPerCluster = 4;

    /// <summary>64 MiB, TSAR's per-cluster RAM segment.</summary>
    public const long TsarRamPerCluster = 64L * 1024 * 1024;

    /// <summary>The hypervisor's cluster: it holds P0 C_0 and is never given to an instance.</summary>
    public static ClusterId HypervisorCluster { get; } = new(0, 0);

    /// <summary>2 x 2 clusters x 4 cores: the smallest useful machine (3 allocatable clusters).</summary>
    public static MachineSpec Tsar2x2 { get; } = new(2, 2, 4, TsarRamPerCluster, new ClusterId(0, 0), 8, 8, 8, 32);

    /// <summary>4 x 4 clusters x 4 cores = 64 cores: the default.</summary>
    public static MachineSpec Tsar4x4 { get; } = new(4, 4, 4, TsarRamPerCluster, new ClusterId(0, 0), 16, 16, 16, 32);

    /// <summary>16 x 16 clusters x 4 cores = 1,024 cores, 64 channels of each device.</summary>
    public static MachineSpec Tsar16x16 { get; } = new(16, 16, 4, TsarRamPerCluster, new ClusterId(0, 0), 64, 64, 64, 128);

    public static MachineSpec Default => Tsar4x4;

    public int ClusterCount => MeshX * MeshY;

    public int CoreCount => ClusterCount * CoresPerCluster;

    public bool Contains(ClusterId cluster) => cluster.X < MeshX && cluster.Y < MeshY;

    /// <summary>Every cluster of the mesh, in index order (x, then y).</summary>
    public IEnumerable<ClusterId> Clusters()
    {
        for (var x = 0; x < MeshX; x++)
        {
            for (var y = 0; y < MeshY; y++)
            {
                yield return new ClusterId(x, y);
            }
        }
    }

    /// <summary>Every problem with this spec, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        RequireRange(problems, "mesh.x", MeshX, 1, MaxMesh);
        RequireRange(problems, "mesh.y", MeshY, 1, MaxMesh);
        RequireRange(problems, "cores-per-cluster", CoresPerCluster, 1, MaxCoresPerCluster);
        if (RamPerCluster < BootLayout.MinimumRam || RamPerCluster > SegmentMap.MaxRamSize)
        {
            problems.Add(
                $"ram-per-cluster must be between {BootLayout.MinimumRam} bytes (the boot layout) and " +
                $"{SegmentMap.MaxRamSize} bytes (below the ROM segment at 0x{SegmentMap.RomBase:X8}), got {RamPerCluster}");
        }
        if (MeshX is >= 1 and <= MaxMesh && MeshY is >= 1 and <= MaxMesh && !Contains(IoCluster))
        {
            problems.Add($"io-cluster must be inside the {MeshX}x{MeshY} mesh, got {IoCluster}");
        }
        RequireRange(problems, "ioc-channels", IocChannels, 1, SegmentMap.MaxChannels);
        RequireRange(problems, "tty-channels", TtyChannels, 1, SegmentMap.MaxChannels);
        RequireRange(problems, "fb-channels", FbChannels, 1, SegmentMap.MaxChannels);
        if (CoresPerCluster is >= 1 and <= MaxCoresPerCluster && IocChannels is >= 1 and <= SegmentMap.MaxChannels)
        {
            var needed = XicuLayout.RequiredSlots(CoresPerCluster, IocChannels);
            if (WtiSlots < needed || WtiSlots > SegmentMap.MaxWtiSlots)
            {
                problems.Add(
                    $"wti-slots must be between {needed} ({CoresPerCluster} IPI + {XicuLayout.DeviceSlotCount} device + " +
                    $"{IocChannels} Running slots) and {SegmentMap.MaxWtiSlots}, got {WtiSlots}");
            }
        }
        else
        {
            RequireRange(problems, "wti-slots", WtiSlots, 1, SegmentMap.MaxWtiSlots);
        }
        return problems;
    }

    /// <summary>This spec if valid; otherwise throws with every problem on one line.</summary>
    public MachineSpec Validated()
    {
        var problems = Validate();
        return problems.Count == 0
            ? this
            : throw new ArgumentException("invalid machine: " + string.Join("; ", problems));
    }

    public override string ToString() =>
        $"{MeshX}x{MeshY} mesh, {CoresPerCluster} cores/cluster, {RamPerCluster / (1024 * 1024)} MiB/cluster, " +
        $"I/O cluster {IoCluster}, {IocChannels} IOC, {TtyChannels} TTY, {FbChannels} FB, {WtiSlots} WTI slots";

    private static void RequireRange(List<string> problems, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{field} must be between {min} and {max}, got {value}");
        }
    }
}
