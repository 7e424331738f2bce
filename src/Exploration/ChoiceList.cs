using System.Collections;

namespace ActorHyper.Exploration;

/// <summary>
/// The choices of one step, rebuilt at every step. Its slots are structs, so adding a channel is a
/// plain store: an array of <see cref="Choice"/> would type-check every store (Choice is not sealed),
/// a cost paid for every ready channel of every step.
/// </summary>
internal sealed class ChoiceList : IReadOnlyList<Choice>
{
    private Slot[] _slots = new Slot[32];

    public int Count { get; private set; }

    public Choice this[int index] => (uint)index < (uint)Count ? _slots[index].Choice : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(Choice choice)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[Count++].Choice = choice;
    }

    /// <summary>Forgets the step's choices (the slots keep their references until overwritten: the choices are live channels and timers).</summary>
    public void Clear() => Count = 0;

    public IEnumerator<Choice> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _slots[i].Choice;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private struct Slot
    {
        public Choice Choice;
    }
}
