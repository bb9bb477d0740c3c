using System.Collections.Concurrent;

namespace CorsFunctions.Samples.Items;

/// <summary>
/// The samples' storage, shared by both HTTP models: in memory and per instance, enough for a demo. A real app
/// would keep its items in a database; CORS does not care where.
/// </summary>
public sealed class ItemCatalog
{
    private readonly ConcurrentDictionary<string, Item> _items = new(StringComparer.Ordinal);

    /// <summary>Every item, ordered by id.</summary>
    public IReadOnlyList<Item> All() => [.. _items.Values.OrderBy(item => item.Id, StringComparer.Ordinal)];

    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public Item? Find(string id) => _items.GetValueOrDefault(id);

    /// <summary>Adds an item under a new id.</summary>
    public Item Add(string name)
    {
        var item = new Item(Guid.NewGuid().ToString("N"), name);
        _items[item.Id] = item;
        return item;
    }

    /// <summary>Creates or replaces the item <paramref name="id"/>; true when it was created.</summary>
    public bool Put(string id, string name)
    {
        var created = true;
        var item = new Item(id, name);
        _items.AddOrUpdate(id, item, (_, _) =>
        {
            created = false;
            return item;
        });
        return created;
    }

    /// <summary>Removes an item; false when there was none.</summary>
    public bool Remove(string id) => _items.TryRemove(id, out _);
}
