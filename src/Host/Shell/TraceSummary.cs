using System.Globalization;
using System.Text;
using System.Text.Json;
using ActorHyper.Exploration.Driver;

namespace ActorHyper.Host.Shell;

/// <summary>
/// Where a controlled run stands: its seed, steps, virtual time and trace hash (decisions, message
/// contents, virtual time and random draws). The same seed and configuration print the same line in any process.
/// </summary>
public sealed record TraceSummary(ulong Seed, long Steps, TimeSpan VirtualTime, ulong Hash)
{
    public static TraceSummary Of(ControlledDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return new TraceSummary(driver.Seed, driver.Steps, driver.Now, driver.TraceHash);
    }

    public string HashText => string.Create(CultureInfo.InvariantCulture, $"0x{Hash:x16}");

    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"trace: seed {Seed}, {Steps} steps, {VirtualTime.TotalMilliseconds:0.000} ms virtual, hash {HashText}");

    public string Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("trace");
            json.WriteNumber("seed", Seed);
            json.WriteNumber("steps", Steps);
            json.WriteNumber("virtualTimeMs", VirtualTime.TotalMilliseconds);
            json.WriteString("hash", HashText);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
