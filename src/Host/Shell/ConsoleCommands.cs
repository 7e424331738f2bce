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
public sealed class ConsoleCommands(HypervisorSession session, ConsoleView view) : IDisposable
{
    /// <summary>How long one look for new lines waits when following a TTY (system time: virtual when controlled).</summary>
    private const string FollowPoll = "200ms";

    /// <summary>How often a settled instance's console is looked at again while followed (real time: the console's own pace).</summary>
    private static readonly TimeSpan QuietPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Set by Ctrl-C: stops following and returns to the prompt.</summary>
    private readonly ManualResetEventSlim interrupt = new();

    /// <summary>A person at a terminal: following lasts until Ctrl-C.</summary>
    public bool Interactive { get; init; }

    /// <summary>Ctrl-C: ends a <c>tty -f</c> (from the signal's thread).</summary>
    public void Interrupt() => interrupt.Set();

    public void Dispose() => interrupt.Dispose();

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
    /// ones. Once the instance has settled (Running, Failed, or gone: its guest writes nothing more)
    /// and its last lines are shown, a piped console goes on with the next command; a person's
    /// (<see cref="Interrupt"/> is theirs) stays until Ctrl-C, as <c>tail -f</c> and <c>virsh console</c> do.
    /// </summary>
    private CommandOutcome Follow(TtyCommand tty)
    {
        var id = tty.InstanceId.ToString(CultureInfo.InvariantCulture);
        var read = $"tty -i {id} -s {tty.SubChannel.ToString(CultureInfo.InvariantCulture)}";
        var all = new List<string>();
        TtyLines? last = null;
        string? settledAs = null;
        interrupt.Reset();
        while (!interrupt.IsSet)
        {
            var reply = session.Execute(read);
            if (reply.Answer is not TtyLines lines)
            {
                // Gone while followed (killed): what was shown stands; gone before, the refusal is the answer.
                return last is not null ? CommandOutcome.Succeeded : Shown(ShellReply.Refused(tty.Text, reply.Error ?? "no output"));
            }

            last = lines;
            foreach (var line in lines.Lines.Skip(all.Count))
            {
                all.Add(line);
                if (!view.Json)
                {
                    view.Line(line);
                }
            }

            if (settledAs is not null)
            {
                // Settled: nothing more will come unless the instance is run again; look now and then until Ctrl-C.
                interrupt.Wait(QuietPoll);
                continue;
            }

            var settled = session.Execute($"wait -i {id} -t {FollowPoll}");
            if (settled.Answer is InstanceTable table)
            {
                settledAs = table.Instances.FirstOrDefault(i => i.Id == tty.InstanceId)?.State.ToString() ?? "gone";
            }
            else if (settled.Error?.StartsWith("no instance", StringComparison.Ordinal) == true)
            {
                settledAs = "gone";
            }
            else
            {
                continue;
            }

            // The lines written up to the settling, then the note; a pipe has no Ctrl-C, so it ends here.
            var rest = session.Execute(read);
            foreach (var line in (rest.Answer as TtyLines)?.Lines.Skip(all.Count) ?? [])
            {
                all.Add(line);
                if (!view.Json)
                {
                    view.Line(line);
                }
            }

            if (!Interactive)
            {
                break;
            }

            view.Line($"(instance {id} is {settledAs}: its console is quiet from here; Ctrl-C returns to the prompt)");
        }

        if (view.Json)
        {
            view.Reply(ShellReply.Done(tty.Text, new TtyLines(last!.InstanceId, last.Channel, last.SubChannel, all.ToValueList())), echo: false);
        }
        else if (!Interactive)
        {
            view.Line($"(instance {id} is {settledAs}: its console is quiet from here)");
        }

        return CommandOutcome.Succeeded;
    }
}
