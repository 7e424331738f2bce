using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ActorHyper.Bench;

/// <summary>
/// Each invocation is one whole workload (millions of deliveries), so one invocation per
/// iteration; a few iterations keep the suite short on a 2-core machine.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(10).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}
