using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;

namespace ActorHyper.Actors.Machine;

/// <summary>How a machine is built and started, beyond its <see cref="Hardware.MachineSpec"/>.</summary>
public sealed record MachineOptions
{
    public static MachineOptions Default { get; } = new();

    /// <summary>The programs cores run for the code they fetch; later issues add theirs with <see cref="ProgramLibrary.With"/>.</summary>
    public ProgramLibrary Programs { get; init; } = ProgramLibrary.MachineDefault;

    /// <summary>
    /// Power on as soon as every unit is wired. When false the machine waits for a
    /// <see cref="PowerOn"/>, so a caller can set hardware up (say, write a mailbox) before any core runs.
    /// </summary>
    public bool PowerOnAtStart { get; init; } = true;

    /// <summary>The disk each IOC channel holds at start; must only build (it runs on the IOC's turn).</summary>
    public Func<int, DiskImage> Disks { get; init; } = DiskImage.DefaultFor;

    /// <summary>A deliberately wrong protocol step the hardware plays (the XICU's <c>wait</c>); <see cref="ProtocolVariant.None"/> by default.</summary>
    public ProtocolVariant Variant { get; init; }
}
