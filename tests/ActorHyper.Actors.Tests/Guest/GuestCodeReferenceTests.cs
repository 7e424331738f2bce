using System.Reflection;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// The guest's code, read from its IL and its signatures, names nothing that leads to hardware around
/// its core: not the machine directory or a unit's actor type, not the hypervisor's view, and none of
/// Akka's ways to an actor it was not given (a path lookup, its parent). The runtime tests show what
/// the guest's view hands out; this shows the guest's code asks for nothing else, now and after the
/// next change to it.
/// </summary>
public sealed class GuestCodeReferenceTests
{
    /// <summary>
    /// Every type of the guest's namespace (its programs, what they call, the servers they spawn, their
    /// messages) but the boot-order monitors, which are the simulator's checkers and not guest software;
    /// and the HAT activation code, which runs on the guest's view too.
    /// </summary>
    private static IEnumerable<Type> GuestCode => typeof(BootLoaderProgram).Assembly.GetTypes()
        .Where(type => type.Namespace == typeof(BootLoaderProgram).Namespace && !type.IsNested)
        .Where(type => type != typeof(BootOrderMonitor) && type != typeof(BootOrderRules))
        .Append(typeof(HatActivationProgram));

    private static readonly Type[] ForbiddenTypes =
    [
        typeof(MachineDirectory), typeof(ClusterUnits), typeof(IoUnits), typeof(MachineHandle), typeof(HypervisorHandle),
        typeof(IHypervisorCpu), typeof(IHypervisorProgram), typeof(HardwareUnitActor),
    ];

    /// <summary>Why guest code may not refer to <paramref name="member"/>, or null if it may.</summary>
    private static string? Forbidden(MemberInfo member)
    {
        if (IlReferences.TypesNamedBy(member).FirstOrDefault(type => ForbiddenTypes.Any(forbidden => forbidden.IsAssignableFrom(type))) is { } named)
        {
            return $"names {named.Name}";
        }
        return member switch
        {
            MethodInfo { Name: "ActorSelection" } => "looks an actor up by its path",
            MethodInfo { Name: "ResolveActorRef" } => "resolves an actor from its path",
            MethodInfo { Name: "get_Parent", DeclaringType: { } context } when typeof(IActorContext).IsAssignableFrom(context) => "takes its actor's parent",
            _ => null,
        };
    }

    /// <summary>Each forbidden reference in <paramref name="type"/>'s code and signatures, as "Type: member (why)".</summary>
    private static IEnumerable<string> Violations(Type type)
    {
        var inCode = IlReferences.Of(type);
        var inSignatures = Nested(type).SelectMany(nested => nested.GetMembers(
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        return inCode.Concat(inSignatures)
            .Select(member => (member, why: Forbidden(member)))
            .Where(found => found.why is not null)
            .Select(found => $"{type.Name}: {found.member.DeclaringType?.Name}.{found.member.Name} ({found.why})")
            .Distinct();
    }

    private static IEnumerable<Type> Nested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(Nested).Prepend(type);

    [Fact]
    public void The_guest_s_code_names_no_way_to_hardware_but_its_core_s_instructions()
    {
        var guest = GuestCode.ToList();
        Assert.Contains(typeof(OffKernelProgram), guest);
        Assert.Contains(typeof(OffNodeActor), guest);
        Assert.Empty(guest.SelectMany(Violations));
    }

    [Fact]
    public void The_guest_s_programs_are_plain_programs_and_the_guest_s_view_names_no_unit()
    {
        foreach (var program in new[] { typeof(BootLoaderProgram), typeof(OffKernelProgram), typeof(HatActivationProgram) })
        {
            Assert.True(typeof(ICoreProgram).IsAssignableFrom(program), program.Name);
            Assert.False(typeof(IHypervisorProgram).IsAssignableFrom(program), program.Name);
        }
        Assert.Empty(Violations(typeof(ICoreCpu)).Concat(Violations(typeof(ICoreProgram))));
        Assert.False(typeof(IHypervisorCpu).IsAssignableFrom(typeof(ICoreCpu)));
    }

    /// <summary>Guest-looking code that takes every way around the core the check knows of.</summary>
    private sealed class Offender : ReceiveActor
    {
        public Offender(ICoreCpu cpu)
        {
            Receive<string>(path => Context.ActorSelection(path).Tell(ResetCore.Instance));
            ReceiveAny(_ => Context.Parent.Tell(ResetCore.Instance));
            if (cpu is IHypervisorCpu privileged)
            {
                privileged.Machine.Memory(privileged.Core.Cluster).Tell(ResetCore.Instance);
            }
        }
    }

    [Fact]
    public void The_check_sees_into_lambdas_and_flags_each_way_around_the_core()
    {
        Assert.Contains(IlReferences.Of(typeof(OffKernelProgram)), member => member is MethodInfo { Name: "Spawn" } spawn && spawn.DeclaringType == typeof(ICoreCpu));
        var found = Violations(typeof(Offender)).ToList();
        Assert.Contains(found, v => v.EndsWith("ActorSelection (looks an actor up by its path)", StringComparison.Ordinal));
        Assert.Contains(found, v => v.EndsWith("get_Parent (takes its actor's parent)", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("(names IHypervisorCpu)", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("(names MachineDirectory)", StringComparison.Ordinal));
    }
}
