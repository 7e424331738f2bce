namespace ActorHyper.Host.Soak;

/// <summary>What a soak saw: the report's JSON (<c>--report</c>) and the summary are written from this.</summary>
public sealed record SoakReport
{
    public required ulong Seed { get; init; }

    public required string Machine { get; init; }

    public required bool Monitors { get; init; }

    public string? Faults { get; init; }

    public string Variant { get; init; } = "none";

    /// <summary>The duration asked for, and how long it ran (shorter after Ctrl-C, a hang or a violation).</summary>
    public required TimeSpan Asked { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Why it ended: <c>duration</c>, <c>interrupted</c>, <c>violation</c> or <c>hang</c>.</summary>
    public required string Ended { get; init; }

    public required long Launches { get; init; }

    /// <summary>Launches that ended Running.</summary>
    public required long Boots { get; init; }

    /// <summary>Launches the hypervisor refused (no room, the instance number taken): the soak's own pressure, not failures.</summary>
    public required long Refused { get; init; }

    public required long Kills { get; init; }

    /// <summary>Failed boots by reason (the reason with its numbers folded, so alike failures count together).</summary>
    public required IReadOnlyDictionary<string, long> Failures { get; init; }

    public required IReadOnlyList<SoakViolation> Violations { get; init; }

    public required IReadOnlyList<SoakFinding> Leaks { get; init; }

    public required IReadOnlyList<SoakFinding> Hangs { get; init; }

    /// <summary>Quiescent points made (and leak checks run there).</summary>
    public required long Checks { get; init; }

    public required double BootLatencyP50Ms { get; init; }

    public required double BootLatencyP99Ms { get; init; }

    public required double BootsPerSecond { get; init; }

    public required double MessagesPerSecond { get; init; }

    /// <summary>The share of deliveries and events the monitors read (the rest no monitor asked for).</summary>
    public double WatchedShare { get; init; }

    public required long ExpectedDeadLetters { get; init; }

    public required long UnexpectedDeadLetters { get; init; }

    public required long UnhandledMessages { get; init; }

    /// <summary>Handlers that threw (their supervisor restarted or stopped the actor).</summary>
    public required long Crashes { get; init; }

    public required long MailboxOverwrites { get; init; }

    /// <summary>The last few unexpected dead letters, unhandled messages and crashes, in the machine's words.</summary>
    public IReadOnlyList<string> Samples { get; init; } = [];

    public required long HeapAfterWarmupBytes { get; init; }

    public required long HeapEndBytes { get; init; }

    public required long PeakRssBytes { get; init; }

    public required int ThreadsAfterWarmup { get; init; }

    public required int ThreadsEnd { get; init; }

    public required int Gen0Collections { get; init; }

    public required int Gen2Collections { get; init; }

    /// <summary>How the heap moved from warm-up to the end, as a fraction of its level after warm-up.</summary>
    public double HeapDrift => HeapAfterWarmupBytes == 0 || HeapEndBytes == 0 ? 0 : (HeapEndBytes - HeapAfterWarmupBytes) / (double)HeapAfterWarmupBytes;

    public bool Passed => Violations.Count == 0 && Leaks.Count == 0 && Hangs.Count == 0;
}

/// <summary>An invariant broken on real threads: which, for which instance, when, why, the story, and the scenario file that explores it.</summary>
public sealed record SoakViolation(string Invariant, int? Instance, double AtSeconds, string Reason, IReadOnlyList<string> Story, string? ScenarioFile)
{
    /// <summary>The command that explores the scenario file under control (with the variant, sets and faults the soak had).</summary>
    public string? ExploreCommand { get; init; }
}

/// <summary>A leak or a hang: when it was seen, what, and (for a hang) the dump and the scenario file.</summary>
public sealed record SoakFinding(double AtSeconds, string What, IReadOnlyList<string> Detail, string? ScenarioFile = null)
{
    /// <summary>The command that explores the scenario file under control, when there is one.</summary>
    public string? ExploreCommand { get; init; }
}
