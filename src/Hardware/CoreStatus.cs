using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware;

/// <summary>
/// A core's state with its details: for <see cref="CoreState.Executing"/> the program and the
/// address it runs at (machine or instance space), for <see cref="CoreState.Faulted"/> the fault.
/// </summary>
public sealed record CoreStatus
{
    private CoreStatus(CoreState state, CodeIdentity? code, TaggedAddress? at, Fault? fault)
    {
        State = state;
        Code = code;
        At = at;
        Fault = fault;
    }

    public static CoreStatus Reset { get; } = new(CoreState.Reset, null, null, null);

    public static CoreStatus RunningHypervisor { get; } = new(CoreState.RunningHypervisor, null, null, null);

    public static CoreStatus Waiting { get; } = new(CoreState.Waiting, null, null, null);

    public static CoreStatus Parked { get; } = new(CoreState.Parked, null, null, null);

    public CoreState State { get; }

    public CodeIdentity? Code { get; }

    public TaggedAddress? At { get; }

    public Fault? Fault { get; }

    public static CoreStatus Executing(CodeIdentity code, TaggedAddress at) => new(CoreState.Executing, code, at, null);

    public static CoreStatus Faulted(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new CoreStatus(CoreState.Faulted, null, fault.Address, fault);
    }

    public override string ToString() => State switch
    {
        CoreState.Executing => $"executing the {Code?.Describe()} at {At}",
        CoreState.Faulted => $"faulted: {Fault}",
        CoreState.RunningHypervisor => "running the hypervisor",
        _ => State.ToString().ToLowerInvariant(),
    };
}
