using System.Collections;
using System.Diagnostics;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The choices of one step: first the channels, then the timers that may fire. When every ready
/// channel can deliver (no receiver suspended, none with unstashed messages waiting) the channels
/// are the driver's ready list itself, seen in place: a step then costs nothing per ready channel.
/// Otherwise the channels that can deliver are copied in. Slots are structs, so adding is a plain
/// store: an array of <see cref="Choice"/> would type-check every store (Choice is not sealed).
/// </summary>
internal sealed class ChoiceList : IReadOnlyList<Choice>
{
    private Slot[] _slots = new Slot[32];
    private int _slotCount;

    /// <summary>The ready channels seen in place, when they are the step's channel choices; else null.</summary>
    private IReadOnlyList<Channel>? _view;
    private int _viewCount;

    public int Count => _viewCount + _slotCount;

    /// <summary>How many choices are timers not yet due (the last ones): strategies need not look at each choice to know.</summary>
    public int FutureTimers { get; private set; }

    public Choice this[int index]
    {
        get
        {
            if ((uint)index < (uint)_viewCount)
            {
                return _view![index];
            }

            var slot = index - _viewCount;
            return (uint)slot < (uint)_slotCount ? _slots[slot].Choice : throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>Every one of <paramref name="ready"/> is a choice, in its order; nothing may have been added yet.</summary>
    public void UseChannels(IReadOnlyList<Channel> ready)
    {
        Debug.Assert(Count == 0, "the channels come first");
        _view = ready;
        _viewCount = ready.Count;
    }

    public void Add(Choice choice)
    {
        Debug.Assert(FutureTimers == 0 || choice.IsFutureTimer, "timers not yet due come last");
        if (_slotCount == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[_slotCount++].Choice = choice;
        if (choice.IsFutureTimer)
        {
            FutureTimers++;
        }
    }

    /// <summary>Forgets the step's choices (the slots keep their references until overwritten: the choices are live channels and timers).</summary>
    public void Clear()
    {
        _view = null;
        _viewCount = 0;
        _slotCount = 0;
        FutureTimers = 0;
    }

    public IEnumerator<Choice> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private struct Slot
    {
        public Choice Choice;
    }
}
