namespace ActorHyper.Hardware.Resources;

/// <summary>The owner of a cluster: free, the hypervisor, or an instance (with its id).</summary>
public readonly record struct ClusterOwner(OwnerKind Kind, int InstanceId)
{
    public static ClusterOwner Free => new(OwnerKind.Free, -1);

    public static ClusterOwner Hypervisor => new(OwnerKind.Hypervisor, -1);

    public static ClusterOwner Instance(int instanceId) => new(OwnerKind.Instance, instanceId);

    public override string ToString() => Kind switch
    {
        OwnerKind.Free => "free",
        OwnerKind.Hypervisor => "hypervisor",
        _ => $"instance {InstanceId}",
    };
}
