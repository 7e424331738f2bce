using ActorHyper.Actors.Cores;

namespace ActorHyper.Actors.Tests;

/// <summary>A test program: runs a script on entry, and the default wake-up (read the mailbox, jump) after a wait.</summary>
internal sealed class ScriptedCore(Action<ICoreCpu> script) : ICoreProgram
{
    public void Run(ICoreCpu cpu) => script(cpu);
}
