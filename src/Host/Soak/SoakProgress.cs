namespace ActorHyper.Host.Soak;

/// <summary>Where a soak stands, for its live panel or its progress lines.</summary>
public sealed record SoakProgress(
    TimeSpan Elapsed,
    TimeSpan Duration,
    long Launches,
    long Boots,
    long Kills,
    long Refused,
    long Failures,
    int Live,
    double BootLatencyP50Ms,
    double BootLatencyP99Ms,
    long Messages,
    int Violations,
    int Leaks);
