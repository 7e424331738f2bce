namespace ActorHyper.Host.Shell;

/// <summary>Where the console's command lines come from: a person at a terminal, or a pipe.</summary>
public interface ILineSource
{
    /// <summary>Whether a person types: a prompt, line editing and history, a greeting.</summary>
    bool Interactive { get; }

    /// <summary>The next line, or null at the end of input.</summary>
    string? ReadLine();
}
