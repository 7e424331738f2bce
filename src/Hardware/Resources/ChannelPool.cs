namespace ActorHyper.Hardware.Resources;

/// <summary>The channels of one device (IOC, TTY or FB), each free or held by an instance.</summary>
public sealed class ChannelPool
{
    private readonly int?[] owners;

    public ChannelPool(string name, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (count < 1)
        {
            throw new ArgumentException($"{name} channel count must be at least 1, got {count}");
        }
        Name = name;
        owners = new int?[count];
    }

    /// <summary>The device's name in messages, e.g. <c>TTY</c>.</summary>
    public string Name { get; }

    public int Count => owners.Length;

    public int FreeCount => owners.Count(owner => owner is null);

    public bool Contains(int channel) => channel >= 0 && channel < Count;

    public bool IsFree(int channel) => OwnerOf(channel) is null;

    public int? OwnerOf(int channel)
    {
        CheckChannel(channel);
        return owners[channel];
    }

    /// <summary>Owner of each channel by channel number (null = free).</summary>
    public ValueList<int?> Owners() => owners.ToValueList();

    internal void Take(int channel, int instanceId)
    {
        CheckChannel(channel);
        if (owners[channel] is { } owner)
        {
            throw new InvalidOperationException($"{Name} channel {channel} is already held by instance {owner}");
        }
        owners[channel] = instanceId;
    }

    /// <summary>Takes without checking (the racy-allocation variant only).</summary>
    internal void Seize(int channel, int instanceId)
    {
        CheckChannel(channel);
        owners[channel] = instanceId;
    }

    internal void Return(int channel, int instanceId)
    {
        CheckChannel(channel);
        if (owners[channel] != instanceId)
        {
            throw new InvalidOperationException(
                $"{Name} channel {channel} is not held by instance {instanceId} (owner: {owners[channel]?.ToString() ?? "none"})");
        }
        owners[channel] = null;
    }

    private void CheckChannel(int channel)
    {
        if (!Contains(channel))
        {
            throw new ArgumentException($"{Name} channel must be between 0 and {Count - 1}, got {channel}");
        }
    }
}
