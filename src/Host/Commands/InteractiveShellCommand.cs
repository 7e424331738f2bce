using System.CommandLine;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Commands;

/// <summary><c>actorhyper shell</c>: the hypervisor's console, typed at or fed from a pipe.</summary>
public static class InteractiveShellCommand
{
    public static Command Create(GlobalOptions global, HostConsole console)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(console);
        var run = new RunOptions();
        var display = new DisplayOptions();
        var shell = new Command("shell", "An interactive prompt on the hypervisor's console (P0 C_0): every shell command, line editing and " +
            "history on a terminal, 'help COMMAND', 'exit'. Lines from a pipe run the same, echoed as '> CMD' without a prompt. " +
            "Exit 0 at 'exit' or the end of input; 1 if the machine does not start; 2 usage or configuration");
        run.AddTo(shell);
        display.AddTo(shell, json: false);
        shell.SetAction(parsed => CommandErrors.Guard(console.Error, () =>
        {
            var (_, options) = global.LoadConfiguration(parsed, console.Error);
            run.Apply(parsed, options.Runtime);
            var logger = global.CreateLogger(parsed, options, console.Error);
            using var session = HypervisorSession.Start(options, logger);
            var view = new ConsoleView(console.Output, display.Pictures(parsed, console));
            ILineSource lines = console.InputIsTerminal && console.OutputIsTerminal
                ? new EditorLineSource(console.Output, bold: view.Pictures)
                : new ReaderLineSource(console.Input);
            using var repl = new ConsoleShell(session, view, lines);
            ConsoleCancelEventHandler? onCtrlC = null;
            if (lines.Interactive)
            {
                // Ctrl-C stops following a console and comes back to the prompt; it does not end the program.
                onCtrlC = (_, e) =>
                {
                    e.Cancel = true;
                    repl.Interrupt();
                };
                Console.CancelKeyPress += onCtrlC;
            }

            try
            {
                return repl.Run(options);
            }
            finally
            {
                if (onCtrlC is not null)
                {
                    Console.CancelKeyPress -= onCtrlC;
                }
            }
        }));
        return shell;
    }
}
