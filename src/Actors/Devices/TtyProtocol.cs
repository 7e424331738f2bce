using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Devices;

// The multi-channel terminal: each channel has 4 sub-channels; output is kept line by line.

/// <summary>Writes a line to a sub-channel. Answered by <see cref="TtyWriteDone"/>.</summary>
public sealed record WriteTty(long Tag, int Channel, int SubChannel, string Text, UnitId Writer);

public sealed record TtyWriteDone(long Tag) : ITaggedReply;

/// <summary>Asks for every line a sub-channel got so far. Answered by <see cref="TtyOutput"/>.</summary>
/// <summary>Forgets every line of a channel's four sub-channels (a kill): answered by <see cref="TtyChannelCleared"/>.</summary>
public sealed record ClearTtyChannel(long Tag, int Channel);

public sealed record TtyChannelCleared(long Tag, int Channel) : ITaggedReply;

public sealed record GetTtyOutput(int Channel, int SubChannel);

public sealed record TtyOutput(int Channel, int SubChannel, ValueList<string> Lines);
