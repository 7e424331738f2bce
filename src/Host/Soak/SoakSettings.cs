namespace ActorHyper.Host.Soak;

/// <summary>What a soak runs and how it judges it (<c>actorhyper soak</c>'s options, checked).</summary>
public sealed record SoakSettings
{
    /// <summary>How long the driver keeps the machine busy (wall time).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The seed of the driver's own choices (sizes, instance numbers, what to kill) and of the faults.</summary>
    public ulong Seed { get; init; }

    /// <summary>At most this many instances hold resources at once; 0: as many as the machine has instance numbers.</summary>
    public int MaxLive { get; init; }

    /// <summary>Launches and kills the driver keeps in flight at once.</summary>
    public int InFlight { get; init; } = 4;

    /// <summary>A launch takes between 1 and this many clusters; 0: a quarter of the free clusters, at least 1.</summary>
    public int MaxClusters { get; init; }

    /// <summary>Whether the invariant monitors watch the machine's threads (off only to measure what they cost).</summary>
    public bool Monitors { get; init; } = true;

    /// <summary>How often the driver makes a quiescent point and checks for leaks.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>With nothing completed for this long, the soak is hung: it dumps the machine and ends.</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The heap level after warm-up is taken at the first quiescent point after this.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The managed heap at the end may exceed its level after warm-up by this fraction (and 4 MiB of slack) before it is a leak.</summary>
    public double MaxHeapGrowth { get; init; } = 0.10;

    /// <summary>Whether faults are injected: a failed boot then needs only a reason; without faults a failed boot is a violation.</summary>
    public bool FaultsInjected { get; init; }

    /// <summary>Where scenario files of findings are written.</summary>
    public string FindingsDirectory { get; init; } = "soak-findings";

    /// <summary>The <c>--config</c> file, for the scenario files' <c>config:</c> line (absolute), if any.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>How a finding is explored again: the options <c>explore</c> needs besides the scenario (variant, sets).</summary>
    public IReadOnlyList<string> ExploreArguments { get; init; } = [];
}
