using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Host.Soak;

/// <summary>Where one of the soak's instances is, as the driver knows it from the replies it has had.</summary>
public enum SoakPhase
{
    /// <summary>Its <c>run</c> is in flight.</summary>
    Launching,

    /// <summary>The <c>run</c> was granted; its <c>wait</c> is in flight.</summary>
    Booting,

    Running,

    /// <summary>It failed (with a reason) or did not settle: it holds its resources until killed.</summary>
    Failed,
}

/// <summary>An instance the driver launched and has not seen killed.</summary>
public sealed class SoakInstance(int id, int size, double launchedAt)
{
    public int Id { get; } = id;

    public int Size { get; } = size;

    public double LaunchedAt { get; } = launchedAt;

    public SoakPhase Phase { get; set; } = SoakPhase.Launching;

    /// <summary>A <c>kill</c> for it is in flight.</summary>
    public bool Killing { get; set; }

    /// <summary>Its clusters, once its <c>run</c> was granted (for its story).</summary>
    public ValueList<ClusterId> Clusters { get; set; } = ValueList.Of<ClusterId>();

    public override string ToString() =>
        $"instance {Id}: {Phase}{(Killing ? ", being killed" : "")}, {Size} cluster(s) {string.Join(" ", Clusters)}, launched at {LaunchedAt:0.000} s";
}
