namespace ActorHyper.Actors.Machine;

/// <summary>The kinds of hardware unit that are actors, plus who acts on the hardware from outside.</summary>
public enum UnitKind
{
    Core,
    CoreHat,
    DmaHat,
    Memory,
    Xicu,
    Dma,
    Rom,
    Ioc,
    Tty,
    Fbf,
    Iopic,

    /// <summary>The machine as a whole (its readiness, its status board).</summary>
    Machine,

    /// <summary>A request from outside the machine: a test, the host, a tool.</summary>
    External,
}
