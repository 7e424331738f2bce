using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ActorHyper.Host.Logging;

/// <summary>Writes formatted events to a writer the host was given (tests pass their own).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
        }
    }
}
