
using ActorHyper.Exploration.Export;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Host.Exploring;

/// <summary><c>replay --export chrome|mermaid [--export-out PATH]</c>: which format, where it goes, and writing it from the recorded run.</summary>
public sealed record ReplayExport(string Format, string Path)
{
    public const string Chrome = "chrome";
    public const string Mermaid = "mermaid";

    public static IReadOnlyList<string> Formats { get; } = [Chrome, Mermaid];

    /// <summary>The export asked for, or null; <paramref name="problem"/> when the options are wrong (checked before the run).</summary>
    public static ReplayExport? From(string? format, string? outPath, string traceFile, out string? problem)
    {
        problem = null;
        if (format is null)
        {
            problem = outPath is null ? null : "--export-out needs --export chrome|mermaid";
            return null;
        }

        if (!Formats.Contains(format, StringComparer.Ordinal))
        {
            problem = $"--export must be chrome or mermaid, got '{format}'";
            return null;
        }

        var path = outPath ?? DefaultPath(traceFile, format);
        if (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
        {
            problem = $"--export-out {path}: not a file name";
            return null;
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            problem = $"--export-out {path}: no directory {directory}";
            return null;
        }

        return new ReplayExport(format, path);
    }

    /// <summary>Beside the trace: <c>T.chrome.json</c> or <c>T.mmd</c> for trace <c>T.json</c>.</summary>
    public static string DefaultPath(string traceFile, string format)
    {
        ArgumentNullException.ThrowIfNull(traceFile);
        var stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(traceFile) ?? "", System.IO.Path.GetFileNameWithoutExtension(traceFile));
        return stem + (format == Chrome ? ".chrome.json" : ".mmd");
    }

    public void Write(IReadOnlyList<RecordedDelivery> deliveries, RunFailure? failure, string title) =>
        File.WriteAllText(Path, Format == Chrome ? ChromeTrace.Of(deliveries, failure, title) : MermaidSequence.Of(deliveries, failure, title));
}
