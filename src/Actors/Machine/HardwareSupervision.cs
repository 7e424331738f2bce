using Akka.Actor;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// How the machine supervises its units. A unit's state is the hardware it models (a RAM, a mailbox
/// table, a HAT): a restart would silently power that piece of hardware off and on in the middle of
/// a run. So a failure (a simulator bug: the runtime logs it with the actor path) resumes the unit
/// with its state; only a unit that cannot even be built is stopped.
/// </summary>
public static class HardwareSupervision
{
    public static SupervisorStrategy Strategy { get; } = new OneForOneStrategy(cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        _ => Directive.Resume,
    });
}
