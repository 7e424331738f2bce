using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

// The messages of the Off++ guest: the boot core starting servers, servers reporting to the node,
// processors asking for their idle shuttles.

/// <summary>
/// The server's <c>start</c>: its plan entry, its id (null for those that take none) and the node to
/// report to. <see cref="Setup"/> is what the seed passes besides: a <see cref="KvmSetup"/> for the KVM,
/// the <see cref="KvmRegion"/> for the relocation table, a <see cref="ShuttleSetup"/> for the shuttle server.
/// </summary>
public sealed record StartServer(ServerStart Entry, OffId? Id, IActorRef Node, object? Setup = null);

/// <summary><c>kvm.start(kend, dtlb)</c>: the KVM's memory from <see cref="Start"/> to the end of <see cref="Bank"/>.</summary>
public sealed record KvmSetup(MemoryBankInfo Bank, InstanceAddress Start, bool Dtlb);

/// <summary>What the shuttle server needs to start: the KVM, where it takes a region for each processor's idle shuttle.</summary>
public sealed record ShuttleSetup(IActorRef Kvm, int Processors);

/// <summary>A server processed its Start: it is up. Sent to the node.</summary>
public sealed record ServerUp(ServerStart Entry, OffId? Id, IActorRef Server);

/// <summary><c>kvm.create_region(size)</c>; answered with <see cref="RegionCreated"/> to the sender.</summary>
public sealed record CreateRegion(uint Size);

public sealed record RegionCreated(KvmRegionResult Result);

/// <summary>Asks the portal server for the portal of the server with <see cref="Id"/>; answered with <see cref="PortalCreated"/>.</summary>
public sealed record CreatePortal(OffId Id);

/// <summary>The portal of <see cref="Id"/> got <see cref="Slot"/> (null: refused, with <see cref="Refusal"/>).</summary>
public sealed record PortalCreated(OffId Id, int? Slot, string? Refusal = null);

/// <summary>A processor asks the node for its idle shuttle (the sender is its core).</summary>
public sealed record RequestIdleShuttle(int Processor);

/// <summary>The node passes a processor's request to the shuttle server once that server is up; <see cref="Core"/> is the processor's core's software port.</summary>
public sealed record GetIdleShuttle(int Processor, IActorRef Core);

/// <summary>The shuttle server's answer to a processor's core: its idle shuttle, with its KVM region.</summary>
public sealed record IdleShuttleGranted(int Processor, int Shuttle, KvmRegion Region);

/// <summary>A processor idles in its shuttle. Sent to the node.</summary>
public sealed record ProcessorIdle(int Processor);

/// <summary>The node to the boot core: every processor idles.</summary>
public sealed record AllProcessorsIdle(int Processors);
