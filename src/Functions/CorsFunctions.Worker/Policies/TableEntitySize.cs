using Azure.Data.Tables;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// The size Table Storage counts for an entity, which may not exceed <see cref="MaxBytes"/>: 4 bytes, the keys in
/// UTF-16, and per property 8 bytes, its name in UTF-16 and its value (strings in UTF-16 plus 4, numbers and dates
/// their width). The service refuses a larger entity outright; checking first turns that into a validation error.
/// </summary>
internal static class TableEntitySize
{
    /// <summary>The most an entity may hold: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The size of <paramref name="entity"/> as the service counts it.</summary>
    public static long Of(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)) * 2L;
        foreach (var (name, value) in entity)
        {
            if (PolicyEntityMapper.IsSystemProperty(name) || value is null)
            {
                continue;
            }

            size += 8 + name.Length * 2L + value switch
            {
                string text => 4 + text.Length * 2L,
                byte[] bytes => 4 + bytes.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }
}
