using System.Collections;

namespace ActorHyper.Hardware;

/// <summary>
/// An immutable list that compares by contents, so records holding lists keep value equality
/// (a plain array or List in a record compares by reference).
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    public ValueList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = [.. items];
    }

    public int Count => items.Length;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && items.SequenceEqual(other.items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Factories for <see cref="ValueList{T}"/>.</summary>
public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
