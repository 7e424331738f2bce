using ActorHyper.Actors.Hypervisor;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorHyper.Host.Shell;

/// <summary>
/// Where replies are shown: as pictures (Spectre.Console: colours, tables, the coloured map, progress
/// bars) on a terminal, as the plain lines of <see cref="ReplyText"/> elsewhere, or as JSON lines.
/// </summary>
public sealed class ConsoleView
{
    private readonly TextWriter output;

    /// <param name="colors">The colours a terminal takes (default: detected from TERM and COLORTERM, as Spectre.Console does).</param>
    public ConsoleView(TextWriter output, bool pictures, bool json = false, ColorSystemSupport colors = ColorSystemSupport.Detect)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
        Json = json;
        Pictures = pictures && !json;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Pictures ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = Pictures ? colors : ColorSystemSupport.NoColors,
            Interactive = Pictures ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
    }

    /// <summary>Colours and pictures (a terminal, no --no-color).</summary>
    public bool Pictures { get; }

    public bool Json { get; }

    /// <summary>Spectre's console on the same output (plain when <see cref="Pictures"/> is off).</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>A line of text as it is (no markup).</summary>
    public void Line(string text)
    {
        if (Pictures)
        {
            Ansi.WriteLine(text);
        }
        else
        {
            output.WriteLine(text);
        }
    }

    /// <summary>A renderable on a terminal, or its plain lines elsewhere.</summary>
    public void Show(IRenderable picture, IEnumerable<string> plain)
    {
        ArgumentNullException.ThrowIfNull(picture);
        ArgumentNullException.ThrowIfNull(plain);
        if (Pictures)
        {
            Ansi.Write(picture);
        }
        else
        {
            foreach (var line in plain)
            {
                output.WriteLine(line);
            }
        }
    }

    /// <summary>The reply: <c>&gt; CMD</c> first when <paramref name="echo"/>, then its result (or <c>error: ...</c>); one JSON line in JSON mode.</summary>
    public void Reply(ShellReply reply, bool echo)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (Json)
        {
            output.WriteLine(ReplyJson.Line(reply));
            return;
        }

        if (echo)
        {
            Echo(reply.Command);
        }

        Result(reply);
    }

    /// <summary>The command as typed, as the transcript shows it.</summary>
    public void Echo(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Pictures)
        {
            Ansi.MarkupLine($"[grey]>[/] [bold]{Markup.Escape(command)}[/]");
        }
        else
        {
            output.WriteLine("> " + command);
        }
    }

    /// <summary>The result alone: its picture on a terminal, its lines elsewhere.</summary>
    public void Result(ShellReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!Pictures)
        {
            foreach (var line in ReplyText.Result(reply))
            {
                output.WriteLine(line);
            }

            return;
        }

        if (reply.Answer is not { } answer)
        {
            Ansi.MarkupLine($"[red]error:[/] {Markup.Escape(reply.Error ?? "")}");
        }
        else if (ReplyPictures.For(answer) is { } picture)
        {
            Ansi.Write(picture);
        }
        else
        {
            foreach (var line in ReplyText.Answer(answer))
            {
                Ansi.WriteLine(line);
            }
        }
    }

    /// <summary>An error of the console itself (not the hypervisor's), in the transcript: <c>error: MESSAGE</c>.</summary>
    public void Error(string command, string message)
    {
        if (Json)
        {
            output.WriteLine(ReplyJson.Line(ShellReply.Refused(command, message)));
        }
        else if (Pictures)
        {
            Ansi.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        }
        else
        {
            output.WriteLine("error: " + message);
        }
    }
}
