using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Hardware;

namespace ActorHyper.Host.Shell;

/// <summary>
/// Runs one command line of the console (<c>exec</c>'s arguments, <c>shell</c>'s lines) against the
/// session, with what the console adds to the hypervisor's shell: <c>exit</c>, following a TTY
/// (<c>tty -f</c>, <c>console</c>), writing the frame buffer as a PNG (<c>fb --png</c>), and a
/// progress bar for <c>wait</c> on a terminal.
/// </summary>
public sealed class ConsoleCommands(HypervisorSession session, ConsoleView view)
{
    /// <summary>How long one look for new lines waits when following a TTY (system time: virtual when controlled).</summary>
    private const string FollowPoll = "200ms";

    /// <summary>Set (by Ctrl-C) to stop following and return to the prompt.</summary>
    public Func<bool> Interrupted { get; set; } = () => false;

    /// <summary>Runs <paramref name="line"/>; <paramref name="echo"/> shows it first as <c>&gt; CMD</c> (a transcript).</summary>
    public CommandOutcome Run(string line, bool echo)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parsed = ShellParser.Parse(line).Command;
        if (parsed is ExitCommand)
        {
            return CommandOutcome.Exit;
        }

        if (echo && !view.Json)
        {
            view.Echo(line.Trim());
        }

        return parsed switch
        {
            TtyCommand { Follow: true } tty => Follow(tty),
            FbCommand { PngFile: { } file } fb => WritePng(fb, file),
            MapCommand { PngFile: { } file } map => WriteMapPng(map, file),
            WaitCommand when view.Pictures => Shown(WaitProgress.Run(session, line, view)),
            _ => Shown(session.Execute(line)),
        };
    }

    private CommandOutcome Shown(ShellReply reply)
    {
        if (view.Json)
        {
            view.Reply(reply, echo: false);
        }
        else
        {
            view.Result(reply);
        }

        return reply.Succeeded ? CommandOutcome.Succeeded : CommandOutcome.Refused;
    }

    private CommandOutcome WritePng(FbCommand fb, string file)
    {
        var reply = session.Execute(fb.Text);
        if (reply.Answer is not FrameShown frame)
        {
            return Shown(reply);
        }

        if (!FramePng.TryWrite(frame, file, out var problem))
        {
            view.Error(fb.Text, $"fb: cannot write {file}: {problem}");
            return CommandOutcome.Refused;
        }

        if (view.Json)
        {
            view.Reply(reply, echo: false);
        }
        else
        {
            view.Line($"frame buffer {frame.Channel.ToString(CultureInfo.InvariantCulture)} of instance " +
                $"{frame.InstanceId.ToString(CultureInfo.InvariantCulture)} written to {file} ({frame.Width.ToString(CultureInfo.InvariantCulture)}x" +
                $"{frame.Height.ToString(CultureInfo.InvariantCulture)} PNG, {frame.Fills.Count.ToString(CultureInfo.InvariantCulture)} fills)");
        }

        return CommandOutcome.Succeeded;
    }

    /// <summary>The map as usual, and as a PNG in <paramref name="file"/>.</summary>
    private CommandOutcome WriteMapPng(MapCommand map, string file)
    {
        var reply = session.Execute(map.Text);
        var outcome = Shown(reply);
        if (reply.Answer is not ClusterMap clusters)
        {
            return outcome;
        }

        if (!MapPng.TryWrite(clusters, file, out var problem))
        {
            view.Error(map.Text, $"map: cannot write {file}: {problem}");
            return CommandOutcome.Refused;
        }

        if (!view.Json)
        {
            view.Line($"map written to {file}");
        }

        return CommandOutcome.Succeeded;
    }

    /// <summary>
    /// Shows the TTY's lines as they come: the lines so far, then, after each short wait, the new
    /// ones, until the instance has settled (Running, Failed, or gone: a guest writes nothing more
    /// then) and its last lines are shown, or until Ctrl-C.
    /// </summary>
    private CommandOutcome Follow(TtyCommand tty)
    {
        var id = tty.InstanceId.ToString(CultureInfo.InvariantCulture);
        var read = $"tty -i {id} -s {tty.SubChannel.ToString(CultureInfo.InvariantCulture)}";
        var shown = 0;
        var all = new List<string>();
        while (true)
        {
            var reply = session.Execute(read);
            if (reply.Answer is not TtyLines lines)
            {
                // Gone while followed (killed): what was shown stands; gone before, the refusal is the answer.
                return shown > 0 ? CommandOutcome.Succeeded : Shown(ShellReply.Refused(tty.Text, reply.Error ?? "no output"));
            }

            foreach (var line in lines.Lines.Skip(shown))
            {
                all.Add(line);
                if (!view.Json)
                {
                    view.Line(line);
                }
            }

            shown = Math.Max(shown, lines.Lines.Count);
            if (Interrupted())
            {
                return CommandOutcome.Succeeded;
            }

            var settled = session.Execute($"wait -i {id} -t {FollowPoll}");
            if (settled.Answer is InstanceTable || settled.Error?.StartsWith("no instance", StringComparison.Ordinal) == true)
            {
                var last = session.Execute(read);
                if (last.Answer is TtyLines rest)
                {
                    foreach (var line in rest.Lines.Skip(shown))
                    {
                        all.Add(line);
                        if (!view.Json)
                        {
                            view.Line(line);
                        }
                    }

                    shown = Math.Max(shown, rest.Lines.Count);
                }

                var state = settled.Answer is InstanceTable settledTable
                    ? settledTable.Instances.FirstOrDefault(i => i.Id == tty.InstanceId)?.State.ToString() ?? "gone"
                    : "gone";
                if (view.Json)
                {
                    view.Reply(ShellReply.Done(tty.Text, new TtyLines(lines.InstanceId, lines.Channel, lines.SubChannel, all.ToValueList())), echo: false);
                }
                else
                {
                    view.Line($"(instance {id} is {state}: its console is quiet from here)");
                }

                return CommandOutcome.Succeeded;
            }
        }
    }
}
