using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Host.Tests.Shell;

/// <summary>Replies built by hand, as the shell would answer them, for the formatter tests.</summary>
internal static class Replies
{
    public static InstanceInfo Running6 { get; } =
        new(6, InstanceState.Running, ValueList.Of(new ClusterId(0, 1), new ClusterId(1, 1)), 6, 0, 0, 8);

    public static InstanceInfo Failed12 { get; } =
        new(12, InstanceState.Failed, ValueList.Of(new ClusterId(1, 0)), 12, 1, 1, 4, InstanceStep.Boot, "core (1,0)/0 faulted: no code");

    /// <summary>2x2: the hypervisor at (0,0), instance 12 at (1,0), instance 6 at (0,1) and (1,1).</summary>
    public static ClusterMap Map2x2 { get; } = new(2, 2, ValueList.Of(
        new ClusterOwnership(new ClusterId(0, 0), ClusterOwner.Hypervisor),
        new ClusterOwnership(new ClusterId(0, 1), ClusterOwner.Instance(6)),
        new ClusterOwnership(new ClusterId(1, 0), ClusterOwner.Instance(12)),
        new ClusterOwnership(new ClusterId(1, 1), ClusterOwner.Instance(6))));

    /// <summary>3x1: the hypervisor, then two free clusters.</summary>
    public static ClusterMap Map3x1 { get; } = new(3, 1, ValueList.Of(
        new ClusterOwnership(new ClusterId(0, 0), ClusterOwner.Hypervisor),
        new ClusterOwnership(new ClusterId(1, 0), ClusterOwner.Free),
        new ClusterOwnership(new ClusterId(2, 0), ClusterOwner.Free)));

    public static ShellReply Done(string command, ShellAnswer answer) => ShellReply.Done(command, answer);
}
