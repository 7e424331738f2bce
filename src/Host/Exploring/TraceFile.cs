using System.Globalization;
using System.Text.Json;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Faults;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// A violation's replayable trace, as JSON: the format version, the configuration's hash (and its
/// layers, for the reader), the scenario's lines and preset, the seed, the strategy that found it,
/// the variant, the fault spec and the faults the schedule injected, every decision of the (shrunk)
/// schedule by identity, the invariant and its reason, and the run's trace hash. <c>actorhyper replay
/// FILE</c> re-runs the decisions with a <see cref="ReplayStrategy"/> and re-injects exactly those
/// faults under the same configuration. Format 2 added the faults and the scenario's kept commands;
/// a format 1 file (no faults, every command) is still read.
/// </summary>
public sealed record TraceFile
{
    public const int CurrentFormat = 2;

    private const int FirstFormat = 1;

    public int FormatVersion { get; init; } = CurrentFormat;

    public required ulong ConfigurationHash { get; init; }

    public IReadOnlyList<string> ConfigurationLayers { get; init; } = [];

    public required string ScenarioName { get; init; }

    public string? ScenarioConfig { get; init; }

    /// <summary>The scenario's lines, as text (<c> &amp; </c> between commands issued together).</summary>
    public required IReadOnlyList<string> Scenario { get; init; }

    /// <summary>The indices (from 0, across lines) of the scenario's commands the schedule issued; null: all of them.</summary>
    public IReadOnlyList<int>? Commands { get; init; }

    /// <summary>The fault spec the exploration drew from (<c>actorhyper.faults</c>), "" for none.</summary>
    public string Faults { get; init; } = "";

    /// <summary>The faults the schedule injected, by identity (<see cref="InjectedFault.Text"/>, <see cref="CommandAtStep.Text"/>): a replay injects exactly these.</summary>
    public IReadOnlyList<string> InjectedFaults { get; init; } = [];

    public required ulong Seed { get; init; }

    public required string Strategy { get; init; }

    public required string Variant { get; init; }

    public required string Invariant { get; init; }

    public string Reason { get; init; } = "";

    public long FailedAtStep { get; init; }

    public long Steps { get; init; }

    /// <summary>The step limit the schedule ran under (<c>--max-steps</c>, else the configuration's): a liveness verdict depends on it.</summary>
    public long StepLimit { get; init; }

    public required ulong TraceHash { get; init; }

    public required IReadOnlyList<Decision> Decisions { get; init; }

    public static TraceFile Of(Violation violation, Scenario scenario, ExplorationConfiguration configuration, string variant)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(scenario);
        var all = scenario.Lines.Sum(static line => line.Count);
        var commands = violation.Schedule.Commands;
        ArgumentNullException.ThrowIfNull(configuration);
        var schedule = violation.Schedule;
        var failure = schedule.Failure ?? violation.Failure;
        return new TraceFile
        {
            ConfigurationHash = configuration.Hash,
            ConfigurationLayers = configuration.Layers,
            ScenarioName = scenario.Name,
            ScenarioConfig = scenario.ConfigPreset,
            Scenario = scenario.Text,
            // A runner that does not say what it issued issued everything.
            Commands = commands.Count == 0 || commands.SequenceEqual(Enumerable.Range(0, all)) ? null : commands,
            Faults = configuration.Options.Faults,
            InjectedFaults = schedule.Faults,
            Seed = violation.Seed,
            Strategy = violation.Strategy,
            Variant = variant,
            Invariant = failure.Monitor,
            Reason = failure.Reason,
            FailedAtStep = failure.Step,
            Steps = schedule.Steps,
            StepLimit = configuration.Options.Runtime.StepLimit,
            TraceHash = schedule.TraceHash,
            Decisions = schedule.Decisions,
        };
    }

    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteString("configurationHash", ExplorationConfiguration.Format(ConfigurationHash));
        json.WriteStartArray("configurationLayers");
        foreach (var layer in ConfigurationLayers)
        {
            json.WriteStringValue(layer);
        }

        json.WriteEndArray();
        json.WriteStartObject("scenario");
        json.WriteString("name", ScenarioName);
        if (ScenarioConfig is not null)
        {
            json.WriteString("config", ScenarioConfig);
        }

        json.WriteStartArray("lines");
        foreach (var line in Scenario)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        if (Commands is not null)
        {
            json.WriteStartArray("commands");
            foreach (var command in Commands)
            {
                json.WriteNumberValue(command);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteNumber("seed", Seed);
        json.WriteString("strategy", Strategy);
        json.WriteString("variant", Variant);
        json.WriteString("faults", Faults);
        json.WriteStartArray("injectedFaults");
        foreach (var fault in InjectedFaults)
        {
            json.WriteStringValue(fault);
        }

        json.WriteEndArray();
        json.WriteString("invariant", Invariant);
        json.WriteString("reason", Reason);
        json.WriteNumber("failedAtStep", FailedAtStep);
        json.WriteNumber("steps", Steps);
        json.WriteNumber("stepLimit", StepLimit);
        json.WriteString("traceHash", ExplorationConfiguration.Format(TraceHash));
        json.WriteStartArray("decisions");
        foreach (var decision in Decisions)
        {
            // One line each, even indented: a trace of thousands of decisions stays readable and diffable.
            json.WriteStartObject();
            json.WriteString("kind", decision.Kind == DecisionKind.Timer ? "timer" : "message");
            json.WriteString("receiver", decision.Receiver);
            json.WriteString("sender", decision.Sender);
            json.WriteNumber("sequence", decision.Sequence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a trace file.</summary>
    /// <exception cref="TraceFileException">The file cannot be read or is not a trace: one line naming what is wrong.</exception>
    public static TraceFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = Directory.Exists(path) ? throw new TraceFileException($"trace {path}: is a directory, not a trace file") : File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TraceFileException($"trace {path}: no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TraceFileException($"trace {path}: cannot be read: {e.Message}", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new TraceFileException($"trace {path}: not JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}", e);
        }

        using (document)
        {
            var reader = new Fields(path, document.RootElement, "");
            var version = reader.Int("formatVersion");
            if (version is < FirstFormat or > CurrentFormat)
            {
                throw new TraceFileException($"trace {path}: formatVersion {version} is not one this program reads ({FirstFormat} to {CurrentFormat})");
            }

            var scenario = reader.Object("scenario");
            var lines = scenario.Strings("lines");
            if (lines.Count == 0)
            {
                throw new TraceFileException($"trace {path}: scenario.lines is empty");
            }

            var decisions = reader.Array("decisions");
            var commands = version >= 2 ? scenario.OptionalInts("commands") : null;
            var total = lines.Sum(static line => line.Split(ScenarioParser.Together).Length);
            if (commands?.FirstOrDefault(command => command >= total, -1) is >= 0 and var wrong)
            {
                throw new TraceFileException($"trace {path}: scenario.commands: {wrong} is not a command of the scenario's {total}");
            }

            var injected = version >= 2 ? reader.Strings("injectedFaults") : [];
            if (MachineScheduleRunner.CheckFaults(injected) is { } faultProblem)
            {
                throw new TraceFileException($"trace {path}: injectedFaults{faultProblem}");
            }

            return new TraceFile
            {
                FormatVersion = version,
                ConfigurationHash = reader.Hash("configurationHash"),
                ConfigurationLayers = reader.OptionalStrings("configurationLayers"),
                ScenarioName = scenario.String("name"),
                ScenarioConfig = scenario.OptionalString("config"),
                Scenario = lines,
                Commands = commands,
                Faults = version >= 2 ? reader.String("faults") : "",
                InjectedFaults = injected,
                Seed = reader.UInt64("seed"),
                Strategy = reader.String("strategy"),
                Variant = reader.String("variant"),
                Invariant = reader.String("invariant"),
                Reason = reader.OptionalString("reason") ?? "",
                FailedAtStep = reader.OptionalLong("failedAtStep"),
                Steps = reader.OptionalLong("steps"),
                StepLimit = reader.OptionalLong("stepLimit"),
                TraceHash = reader.Hash("traceHash"),
                Decisions = [.. decisions.Select((element, i) => ReadDecision(new Fields(path, element, $"decisions[{i}].")))],
            };
        }
    }

    private static Decision ReadDecision(Fields fields)
    {
        var kind = fields.String("kind") switch
        {
            "message" => DecisionKind.Message,
            "timer" => DecisionKind.Timer,
            var other => throw fields.Wrong("kind", $"'{other}' is neither 'message' nor 'timer'"),
        };
        return new Decision(kind, fields.String("receiver"), fields.String("sender"), fields.Long("sequence"));
    }

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    /// <summary>The fields of one JSON object, each read with a one-line error naming the file and the field.</summary>
    private readonly struct Fields(string path, JsonElement element, string prefix)
    {
        public TraceFileException Wrong(string name, string what) => new($"trace {path}: {prefix}{name}: {what}");

        private JsonElement Get(string name, JsonValueKind kind)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new TraceFileException($"trace {path}: {(prefix.Length == 0 ? "the file" : prefix.TrimEnd('.'))} is not a JSON object");
            }

            if (!element.TryGetProperty(name, out var value))
            {
                throw Wrong(name, "missing");
            }

            return value.ValueKind == kind ? value : throw Wrong(name, $"expected {Describe(kind)}, got {Describe(value.ValueKind)}");
        }

        private bool Has(string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        public string String(string name) => Get(name, JsonValueKind.String).GetString()!;

        public string? OptionalString(string name) => Has(name) ? String(name) : null;

        public long Long(string name) =>
            Get(name, JsonValueKind.Number).TryGetInt64(out var value) ? value : throw Wrong(name, "not a whole number");

        public long OptionalLong(string name) => Has(name) ? Long(name) : 0;

        public int Int(string name) =>
            Get(name, JsonValueKind.Number).TryGetInt32(out var value) ? value : throw Wrong(name, "not a whole number");

        public ulong UInt64(string name) =>
            Get(name, JsonValueKind.Number).TryGetUInt64(out var value) ? value : throw Wrong(name, "not a non-negative whole number");

        public ulong Hash(string name)
        {
            var text = String(name);
            return text.StartsWith("0x", StringComparison.Ordinal)
                && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash)
                ? hash
                : throw Wrong(name, $"'{text}' is not a hash (0x and 16 hex digits)");
        }

        public Fields Object(string name) => new(path, Get(name, JsonValueKind.Object), prefix + name + ".");

        public IReadOnlyList<JsonElement> Array(string name) => [.. Get(name, JsonValueKind.Array).EnumerateArray()];

        public IReadOnlyList<string> Strings(string name)
        {
            var items = Array(name);
            var strings = new List<string>();
            for (var i = 0; i < items.Count; i++)
            {
                strings.Add(items[i].ValueKind == JsonValueKind.String
                    ? items[i].GetString()!
                    : throw Wrong($"{name}[{i}]", $"expected a string, got {Describe(items[i].ValueKind)}"));
            }

            return strings;
        }

        public IReadOnlyList<string> OptionalStrings(string name) => Has(name) ? Strings(name) : [];

        /// <summary>Distinct whole numbers from 0, in increasing order; null when absent.</summary>
        public IReadOnlyList<int>? OptionalInts(string name)
        {
            if (!Has(name))
            {
                return null;
            }

            var items = Array(name);
            var ints = new List<int>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ValueKind != JsonValueKind.Number || !items[i].TryGetInt32(out var value) || value < 0
                    || (ints.Count > 0 && value <= ints[^1]))
                {
                    throw Wrong($"{name}[{i}]", "expected a whole number from 0, greater than the one before");
                }

                ints.Add(value);
            }

            return ints;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
