namespace ActorHyper.Host.Tests.Soak;

/// <summary>
/// The soaks run in the test process and judge its managed heap and threads; a test of another class
/// running beside them would count as their leak, so this collection runs alone.
/// </summary>
[CollectionDefinition("soak", DisableParallelization = true)]
public sealed class SoakCollection;
