using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Shell;

/// <summary>
/// The interactive console on P0 C_0: reads command lines until <c>exit</c> or the end of input and
/// runs each (<see cref="ConsoleCommands"/>). Typed lines get a prompt and a greeting; piped lines
/// are echoed as <c>&gt; CMD</c> instead, so the output reads as <c>exec</c>'s transcript does.
/// </summary>
public sealed class ConsoleShell(HypervisorSession session, ConsoleView view, ILineSource lines) : IDisposable
{
    private readonly ConsoleCommands commands = new(session, view) { Interactive = lines.Interactive };

    /// <summary>Ctrl-C: stops a <c>tty -f</c> and returns to the prompt (the console itself goes on).</summary>
    public void Interrupt() => commands.Interrupt();

    public void Dispose() => commands.Dispose();

    /// <summary>Runs until <c>exit</c> or the end of input: 0, whatever the commands answered (each answer is on the screen).</summary>
    public int Run(ActorHyperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (lines.Interactive)
        {
            var machine = options.Machine;
            view.Line($"ActorHyper shell on P0 C_0 of a {machine.Mesh.X}x{machine.Mesh.Y} machine, {options.Runtime.Mode} mode, seed {options.Runtime.Seed}.");
            view.Line("Type 'help' for the commands, 'help COMMAND' for one, 'exit' (or end of input) to leave.");
        }

        while (lines.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (commands.Run(text, echo: !lines.Interactive) == CommandOutcome.Exit)
            {
                break;
            }
        }

        return 0;
    }
}
