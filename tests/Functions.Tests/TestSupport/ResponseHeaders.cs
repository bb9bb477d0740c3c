using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>Response headers that become read-only once sent (as Kestrel's) and can be told to fail on one name.</summary>
internal sealed class ResponseHeaders : IHeaderDictionary
{
    private readonly HeaderDictionary _inner = [];

    public bool ReadOnly { get; set; }

    public string? FailOn { get; set; }

    public StringValues this[string key]
    {
        get => _inner[key];
        set
        {
            Check(key);
            _inner[key] = value;
        }
    }

    public long? ContentLength
    {
        get => _inner.ContentLength;
        set
        {
            Check("Content-Length");
            _inner.ContentLength = value;
        }
    }

    public ICollection<string> Keys => _inner.Keys;

    public ICollection<StringValues> Values => _inner.Values;

    public int Count => _inner.Count;

    public bool IsReadOnly => ReadOnly;

    public void Add(string key, StringValues value)
    {
        Check(key);
        _inner.Add(key, value);
    }

    public void Add(KeyValuePair<string, StringValues> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        Check(null);
        _inner.Clear();
    }

    public bool Contains(KeyValuePair<string, StringValues> item) => _inner.Contains(item);

    public bool ContainsKey(string key) => _inner.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => _inner.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => _inner.GetEnumerator();

    public bool Remove(string key)
    {
        Check(null);
        return _inner.Remove(key);
    }

    public bool Remove(KeyValuePair<string, StringValues> item) => Remove(item.Key);

    public bool TryGetValue(string key, out StringValues value) => _inner.TryGetValue(key, out value);

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private void Check(string? key)
    {
        if (ReadOnly)
        {
            throw new InvalidOperationException("Headers are read-only, response has already started.");
        }

        if (key is not null && string.Equals(key, FailOn, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"'{key}' cannot be written.");
        }
    }
}
