namespace ActorHyper.Exploration.Driver;

/// <summary>How a timer that is not yet due competes with the messages that are ready.</summary>
public enum TimerRace
{
    /// <summary>
    /// As one more choice, whatever its duration: a 30 s timeout beats a reply as readily as a 1 ms
    /// one, as if the reply were slow. Virtual time jumps to its due time when it fires.
    /// </summary>
    Uniform,

    /// <summary>
    /// As the chip's clock has it: a strategy fires it ahead of the ready messages with chance
    /// step time / time until due at each step (<see cref="Choice.EarlyChance"/>), so a 1 ms timeout
    /// races a reply that takes a thousand deliveries and a 10 s watchdog almost never beats a boot.
    /// </summary>
    Clocked,
}
