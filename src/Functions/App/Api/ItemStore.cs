using System.Collections.Concurrent;

namespace CorsFunctions.App.Api;

/// <summary>The sample API's storage: in memory, per instance (a demo, not a database).</summary>
public sealed class ItemStore
{
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);

    /// <summary>Every item, ordered by id.</summary>
    public IReadOnlyList<Item> List() => [.. _items.Values.OrderBy(item => item.Id, StringComparer.Ordinal)];

    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public Item? Find(string id) => _items.GetValueOrDefault(id);

    /// <summary>Creates or replaces an item; true when it was created.</summary>
    public bool Put(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var created = true;
        _items.AddOrUpdate(item.Id, item, (_, _) =>
        {
            created = false;
            return item;
        });
        return created;
    }

    /// <summary>Removes an item; false when there was none.</summary>
    public bool Delete(string id) => _items.TryRemove(id, out _);
}
