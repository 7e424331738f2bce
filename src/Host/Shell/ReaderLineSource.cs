namespace ActorHyper.Host.Shell;

/// <summary>Lines from a pipe or a file: no prompt, so the output stays a clean transcript.</summary>
public sealed class ReaderLineSource(TextReader reader) : ILineSource
{
    public bool Interactive => false;

    public string? ReadLine() => reader.ReadLine();
}
