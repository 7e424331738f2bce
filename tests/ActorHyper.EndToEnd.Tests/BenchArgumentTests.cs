using System.Diagnostics;
using System.Reflection;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>The bench's own modes refuse a malformed number in one line, exit 2, before any machine starts.</summary>
public sealed class BenchArgumentTests
{
    private static string Bench => typeof(BenchArgumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BenchAssembly").Value!;

    [Theory]
    [InlineData("scenario 100 threads=0", "bench: scenario: threads= must be a whole number of at least 1, got '0'")]
    [InlineData("scenario 100 warmup=-1", "bench: scenario: warmup= must be a whole number of at least 0, got '-1'")]
    [InlineData("scenario cycled", "bench: scenario: the number of seeds must be a whole number of at least 1, got 'cycled'")]
    [InlineData("mix many", "bench: mix: the number of seeds must be a whole number of at least 1, got 'many'")]
    [InlineData("allocations 300 0", "bench: allocations: the number of types shown must be a whole number of at least 1, got '0'")]
    [InlineData("corpus strategy=dfs", "bench: corpus: strategy= takes portfolio, random, pct or pos, got 'dfs'")]
    [InlineData("corpus pct-steps=0", "bench: corpus: pct-steps= must be a whole number of at least 1, got '0'")]
    public async Task A_malformed_number_is_refused_in_one_line_with_exit_code_2(string arguments, string message)
    {
        Assert.True(File.Exists(Bench), $"the bench is built next to the tests: {Bench}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Bench);
        foreach (var argument in arguments.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(limit.Token);
        Assert.Equal(2, process.ExitCode);
        Assert.Equal(message, (await error).TrimEnd());
        Assert.Equal("", await output);
    }
}
