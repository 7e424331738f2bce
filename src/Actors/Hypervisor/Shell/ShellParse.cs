namespace ActorHyper.Actors.Hypervisor.Shell;

/// <summary>A parsed line: the command, or a one-line error about <see cref="Text"/>.</summary>
public sealed record ShellParse(string Text, ShellCommand? Command, string? Problem)
{
    public static ShellParse Ok(ShellCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ShellParse(command.Text, command, null);
    }

    public static ShellParse Error(string text, string problem) => new(text, null, problem);
}
