namespace ActorHyper.Actors.Machine;

/// <summary>How the machine's actor system executes (see <see cref="MachineSystems"/>).</summary>
public enum ExecutionMode
{
    /// <summary>Akka.NET's default dispatcher on the thread pool: real parallelism, real races.</summary>
    Concurrent,

    /// <summary>One thread drives it, one delivery per step chosen by a strategy, virtual time: reproducible from a seed.</summary>
    Controlled,
}
