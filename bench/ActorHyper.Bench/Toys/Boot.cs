using System.Globalization;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;
using Microsoft.Coyote.Actors;
using CoyoteActor = Microsoft.Coyote.Actors.Actor;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;

namespace ActorHyper.Bench.Toys;

/// <summary>
/// Boot-like: a hypervisor sends Configure to <see cref="Hats"/> HAT actors; once every HAT has
/// acknowledged it sends an IPI to as many cores; each core sends Fetch to its HAT and, on the reply,
/// Ready to the hypervisor, which asserts that every acknowledgement came before any Ready. Both
/// versions create every actor afresh for each schedule.
/// </summary>
public static class Boot
{
    public const int Hats = 8;

    /// <summary>Deliveries of one schedule: Configure, Ack, IPI, Fetch, the reply and Ready, one per HAT or core.</summary>
    public const int Deliveries = 6 * Hats;

    /// <summary>Actors of one schedule in the Akka.NET version: the hypervisor (the root), the HATs, the cores.</summary>
    public const int AkkaActors = 1 + (2 * Hats);

    /// <summary>Akka.NET: the hypervisor is the root and creates the HATs and cores; with <paramref name="boot"/> false it sends nothing.</summary>
    public static Props Root(Verdict verdict, bool boot) => ProducedProps.Of(() => new Hypervisor(verdict, boot));

    /// <summary>Coyote: the test body of one iteration.</summary>
    public static void CoyoteTest(IActorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.CreateActor(typeof(CoyoteHypervisor));
    }

    /// <summary>Coyote schedules whose hypervisor saw every core ready (counted to check the runs are whole).</summary>
    public static int CoyoteCompleted => s_coyoteCompleted;

    private static int s_coyoteCompleted;

    public static void ResetCoyoteCompleted() => s_coyoteCompleted = 0;

    public sealed record Configure(int Hat);

    public sealed record Ack(int Hat);

    public sealed record Ipi(int Core);

    public sealed record Fetch(int Core);

    public sealed record Fetched(int Core);

    public sealed record Ready(int Core);

    private sealed class Hypervisor : ReceiveActor
    {
        private readonly IActorRef[] _hats = new IActorRef[Hats];
        private readonly IActorRef[] _cores = new IActorRef[Hats];
        private readonly bool _boot;
        private int _acks;
        private int _readies;

        public Hypervisor(Verdict verdict, bool boot)
        {
            _boot = boot;
            for (var i = 0; i < Hats; i++)
            {
                var name = i.ToString(CultureInfo.InvariantCulture);
                var hat = Context.ActorOf(ProducedProps.Of(() => new Hat()), "hat-" + name);
                _hats[i] = hat;
                _cores[i] = Context.ActorOf(ProducedProps.Of(() => new Core(hat)), "core-" + name);
            }

            Receive<Ack>(_ =>
            {
                verdict.Assert(_readies == 0, "boot: an acknowledgement came after a Ready");
                if (++_acks == Hats)
                {
                    for (var i = 0; i < Hats; i++)
                    {
                        _cores[i].Tell(new Ipi(i));
                    }
                }
            });
            Receive<Ready>(_ =>
            {
                verdict.Assert(_acks == Hats, "boot: a core was ready before every HAT acknowledged");
                if (++_readies == Hats)
                {
                    verdict.Complete();
                }
            });
        }

        protected override void PreStart()
        {
            if (!_boot)
            {
                return;
            }

            for (var i = 0; i < Hats; i++)
            {
                _hats[i].Tell(new Configure(i));
            }
        }
    }

    private sealed class Hat : ReceiveActor
    {
        public Hat()
        {
            Receive<Configure>(m => Sender.Tell(new Ack(m.Hat)));
            Receive<Fetch>(m => Sender.Tell(new Fetched(m.Core)));
        }
    }

    private sealed class Core : ReceiveActor
    {
        public Core(IActorRef hat)
        {
            Receive<Ipi>(m => hat.Tell(new Fetch(m.Core)));
            Receive<Fetched>(m => Context.Parent.Tell(new Ready(m.Core)));
        }
    }

    internal sealed class CoyoteCoreSetup(ActorId hypervisor, ActorId hat, int index) : CoyoteEvent
    {
        public ActorId Hypervisor { get; } = hypervisor;

        public ActorId Hat { get; } = hat;

        public int Index { get; } = index;
    }

    internal sealed class CoyoteConfigure(ActorId hypervisor, int hat) : CoyoteEvent
    {
        public ActorId Hypervisor { get; } = hypervisor;

        public int Hat { get; } = hat;
    }

    internal sealed class CoyoteAck(int hat) : CoyoteEvent
    {
        public int Hat { get; } = hat;
    }

    internal sealed class CoyoteIpi(int core) : CoyoteEvent
    {
        public int Core { get; } = core;
    }

    internal sealed class CoyoteFetch(ActorId core, int index) : CoyoteEvent
    {
        public ActorId Core { get; } = core;

        public int Index { get; } = index;
    }

    internal sealed class CoyoteFetched(int core) : CoyoteEvent
    {
        public int Core { get; } = core;
    }

    internal sealed class CoyoteReady(int core) : CoyoteEvent
    {
        public int Core { get; } = core;
    }

    [OnEventDoAction(typeof(CoyoteAck), nameof(OnAck))]
    [OnEventDoAction(typeof(CoyoteReady), nameof(OnReady))]
    internal sealed class CoyoteHypervisor : CoyoteActor
    {
        private readonly ActorId[] _hats = new ActorId[Hats];
        private readonly ActorId[] _cores = new ActorId[Hats];
        private int _acks;
        private int _readies;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            for (var i = 0; i < Hats; i++)
            {
                _hats[i] = CreateActor(typeof(CoyoteHat));
                _cores[i] = CreateActor(typeof(CoyoteCore), new CoyoteCoreSetup(Id, _hats[i], i));
            }

            for (var i = 0; i < Hats; i++)
            {
                SendEvent(_hats[i], new CoyoteConfigure(Id, i));
            }

            return Task.CompletedTask;
        }

        private void OnAck()
        {
            Assert(_readies == 0, "boot: an acknowledgement came after a Ready");
            if (++_acks == Hats)
            {
                for (var i = 0; i < Hats; i++)
                {
                    SendEvent(_cores[i], new CoyoteIpi(i));
                }
            }
        }

        private void OnReady()
        {
            Assert(_acks == Hats, "boot: a core was ready before every HAT acknowledged");
            if (++_readies == Hats)
            {
                Interlocked.Increment(ref s_coyoteCompleted);
            }
        }
    }

    [OnEventDoAction(typeof(CoyoteConfigure), nameof(OnConfigure))]
    [OnEventDoAction(typeof(CoyoteFetch), nameof(OnFetch))]
    internal sealed class CoyoteHat : CoyoteActor
    {
        private void OnConfigure(CoyoteEvent e)
        {
            var m = (CoyoteConfigure)e;
            SendEvent(m.Hypervisor, new CoyoteAck(m.Hat));
        }

        private void OnFetch(CoyoteEvent e)
        {
            var m = (CoyoteFetch)e;
            SendEvent(m.Core, new CoyoteFetched(m.Index));
        }
    }

    [OnEventDoAction(typeof(CoyoteIpi), nameof(OnIpi))]
    [OnEventDoAction(typeof(CoyoteFetched), nameof(OnFetched))]
    internal sealed class CoyoteCore : CoyoteActor
    {
        private ActorId? _hypervisor;
        private ActorId? _hat;
        private int _index;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (CoyoteCoreSetup)initialEvent;
            _hypervisor = setup.Hypervisor;
            _hat = setup.Hat;
            _index = setup.Index;
            return Task.CompletedTask;
        }

        private void OnIpi() => SendEvent(_hat!, new CoyoteFetch(Id, _index));

        private void OnFetched() => SendEvent(_hypervisor!, new CoyoteReady(_index));
    }
}
