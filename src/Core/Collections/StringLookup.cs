namespace CorsFunctions.Core.Collections;

/// <summary>
/// An immutable string-keyed lookup that answers spans without allocating. A handful of keys (the usual policy: two
/// methods, two headers, one origin; a route segment with one child) is kept in two arrays and scanned, which is as
/// fast as hashing at that size and a fraction of a dictionary's memory; more keys go into a dictionary that is never
/// written again. Not a frozen dictionary: a route index changes with every changed policy (see <see cref="With"/>), and
/// freezing thousands of sibling route segments costs more than their lookups save.
/// </summary>
internal sealed class StringLookup<TValue>
{
    /// <summary>The most keys kept in arrays; beyond it a dictionary is worth its size.</summary>
    internal const int ArrayLimit = 8;

    private readonly string[] _keys;
    private readonly TValue[] _values;
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _large;
    private readonly StringComparison _comparison;

    /// <param name="entries">Distinct keys (under <paramref name="ignoreCase"/>) and their values.</param>
    /// <param name="ignoreCase">Whether keys compare ordinally ignoring case, else ordinally.</param>
    public StringLookup(IReadOnlyCollection<KeyValuePair<string, TValue>> entries, bool ignoreCase)
    {
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (entries.Count <= ArrayLimit)
        {
            _keys = entries.Count == 0 ? [] : [.. entries.Select(e => e.Key)];
            _values = entries.Count == 0 ? [] : [.. entries.Select(e => e.Value)];
            return;
        }

        _keys = [];
        _values = [];
        _large = new Dictionary<string, TValue>(entries, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private StringLookup(Dictionary<string, TValue> large, StringComparison comparison)
    {
        _keys = [];
        _values = [];
        _comparison = comparison;
        _large = large.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A lookup with no key (shared: a leaf of a route trie holds no children).</summary>
    public static StringLookup<TValue> Empty { get; } = new([], ignoreCase: false);

    /// <summary>How many keys there are.</summary>
    public int Count => _large.Dictionary is { } large ? large.Count : _keys.Length;

    /// <summary>Finds the value stored under <paramref name="key"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value)
    {
        if (_large.Dictionary is not null)
        {
            return _large.TryGetValue(key, out value!);
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (key.Equals(_keys[i], _comparison))
            {
                value = _values[i];
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// A copy with <paramref name="key"/> set to <paramref name="value"/>; this lookup is left as it is. Copies the keys
    /// once, so a route index changes one child in the time of one copy.
    /// </summary>
    public StringLookup<TValue> With(string key, TValue value)
    {
        if (_large.Dictionary is { } large)
        {
            var copy = new Dictionary<string, TValue>(large, large.Comparer) { [key] = value };
            return new StringLookup<TValue>(copy, _comparison);
        }

        var entries = Pairs().Where(e => !string.Equals(e.Key, key, _comparison)).Append(KeyValuePair.Create(key, value)).ToList();
        return new StringLookup<TValue>(entries, IgnoreCase);
    }

    /// <summary>A copy without <paramref name="key"/>; this lookup is left as it is.</summary>
    public StringLookup<TValue> Without(string key)
    {
        if (_large.Dictionary is { } large && large.Count > ArrayLimit + 1)
        {
            var copy = new Dictionary<string, TValue>(large, large.Comparer);
            copy.Remove(key);
            return new StringLookup<TValue>(copy, _comparison);
        }

        return new StringLookup<TValue>(Pairs().Where(e => !string.Equals(e.Key, key, _comparison)).ToList(), IgnoreCase);
    }

    /// <summary>Whether <paramref name="key"/> is one of the keys.</summary>
    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    private bool IgnoreCase => _comparison == StringComparison.OrdinalIgnoreCase;

    private IEnumerable<KeyValuePair<string, TValue>> Pairs() =>
        _large.Dictionary ?? _keys.Select((key, i) => KeyValuePair.Create(key, _values[i]));
}

/// <summary>Builds <see cref="StringLookup{TValue}"/> sets: each key maps to itself, the spelling stored.</summary>
internal static class StringLookup
{
    public static StringLookup<string> Set(IEnumerable<string> keys, bool ignoreCase) =>
        new([.. keys.Select(k => KeyValuePair.Create(k, k))], ignoreCase);
}
