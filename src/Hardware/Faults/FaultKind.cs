namespace ActorHyper.Hardware.Faults;

/// <summary>What an injected fault does to the machine; each kind has one name in specs and traces (<see cref="FaultKinds.NameOf"/>).</summary>
public enum FaultKind
{
    /// <summary>An IPI (a core's write into an XICU mailbox) is acknowledged but never lands.</summary>
    IpiLost,

    /// <summary>An IPI is acknowledged at once and lands after a delay.</summary>
    IpiDelay,

    /// <summary>An IPI lands, and lands again a little later (a second message, scheduled like any other).</summary>
    IpiDuplicate,

    /// <summary>A core stops taking messages for a while, then takes what came meanwhile in order.</summary>
    CoreStall,

    /// <summary>An IOC read fails: the disk refuses it.</summary>
    IocReadError,

    /// <summary>A DMA transfer faults before it starts.</summary>
    DmaFault,
}

/// <summary>The kinds' names and where each is decided.</summary>
public static class FaultKinds
{
    private static readonly (FaultKind Kind, string Name, FaultPoint Point, bool HasDuration)[] Table =
    [
        (FaultKind.IpiLost, "ipi-lost", FaultPoint.Ipi, false),
        (FaultKind.IpiDelay, "ipi-delay", FaultPoint.Ipi, true),
        (FaultKind.IpiDuplicate, "ipi-dup", FaultPoint.Ipi, false),
        (FaultKind.CoreStall, "core-stall", FaultPoint.CoreMessage, true),
        (FaultKind.IocReadError, "ioc-read-error", FaultPoint.IocRead, false),
        (FaultKind.DmaFault, "dma-fault", FaultPoint.DmaTransfer, false),
    ];

    public static IReadOnlyList<FaultKind> All { get; } = [.. Table.Select(static row => row.Kind)];

    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(static row => row.Name)];

    public static string NameOf(FaultKind kind) => Row(kind).Name;

    public static FaultPoint PointOf(FaultKind kind) => Row(kind).Point;

    /// <summary>Whether the kind takes a duration (how long an IPI is delayed, a core stalled).</summary>
    public static bool HasDuration(FaultKind kind) => Row(kind).HasDuration;

    public static bool TryParse(string? name, out FaultKind kind)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, name, StringComparison.Ordinal))
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static (FaultKind Kind, string Name, FaultPoint Point, bool HasDuration) Row(FaultKind kind) =>
        Table.First(row => row.Kind == kind);
}
