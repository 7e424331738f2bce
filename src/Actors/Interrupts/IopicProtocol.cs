using ActorHyper.Actors.Bus;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Interrupts;

// The IOPIC: the interrupt multiplexers that turn a device interrupt into a WTI write.

/// <summary>Adds routes, all or none. Answered by <see cref="IopicRoutesChanged"/>.</summary>
public sealed record AddRoutes(long Tag, ValueList<IopicRoute> Routes);

/// <summary>Removes every route from an instance's IOC channel and TTY sub-channels. Answered by <see cref="IopicRoutesChanged"/>.</summary>
public sealed record RemoveRoutes(long Tag, InstanceChannels Channels);

/// <summary>The outcome and how many routes were added or removed.</summary>
public sealed record IopicRoutesChanged(long Tag, Outcome Outcome, int Count) : ITaggedReply;

/// <summary>A device raises its interrupt: the IOPIC writes <see cref="Value"/> to the routed mailbox, or drops it.</summary>
public sealed record DeviceInterrupt(IrqSource Source, uint Value);

/// <summary>Asks for every route. Answered by <see cref="IopicRoutes"/>.</summary>
public sealed record GetRoutes
{
    public static GetRoutes Instance { get; } = new();
}

public sealed record IopicRoutes(ValueList<IopicRoute> Routes);
