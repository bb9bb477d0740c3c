using System.Globalization;
using System.Text;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// What the change marker says was written: a version that every write through the pipeline raises by one, and the ids
/// of the last <see cref="Capacity"/> writes with their versions. A loader that applied version N and finds every version
/// after N listed reads just those ids; anything else (a gap, a marker it cannot read) sends it to a full read.
/// Stored in the marker row as <c>Version</c> (Int64) and <c>Changes</c> (<c>"version:id,version:id"</c>, oldest first):
/// ids are letters, digits, '-', '_' and '.', so ':' and ',' cannot occur in one.
/// </summary>
internal sealed class PolicyChangeLog
{
    /// <summary>How many writes the marker lists: 64 ids of at most <see cref="PolicyCompiler.MaxIdLength"/> characters stay far below a property's 64 KiB.</summary>
    public const int Capacity = 64;

    private PolicyChangeLog(long version, IReadOnlyList<(long Version, string Id)> recent)
    {
        Version = version;
        Recent = recent;
    }

    /// <summary>
    /// A log with no write yet, for a marker that is missing or unreadable. It starts at a random version far from 0, so a
    /// loader that applied a version of an earlier marker sees a gap (or a version behind its own) and reads everything,
    /// rather than taking the new writes for the continuation of the old ones.
    /// </summary>
    public static PolicyChangeLog StartEpoch() => new(Random.Shared.NextInt64(1L << 40, 1L << 62), []);

    /// <summary>The version of the last write listed (0 before any).</summary>
    public long Version { get; }

    /// <summary>The last writes, oldest first, with consecutive versions ending at <see cref="Version"/>.</summary>
    public IReadOnlyList<(long Version, string Id)> Recent { get; }

    /// <summary>Reads the marker's properties; null when either is missing or malformed (a marker from an older version, or edited by hand).</summary>
    public static PolicyChangeLog? Parse(long? version, string? changes)
    {
        if (version is not { } last || last < 0 || changes is null)
        {
            return null;
        }

        var recent = new List<(long, string)>();
        foreach (var item in changes.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0
                || !long.TryParse(item.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var itemVersion)
                || !PolicyCompiler.IsValidId(item[(colon + 1)..]))
            {
                return null;
            }

            recent.Add((itemVersion, item[(colon + 1)..]));
        }

        // Consecutive and ending at the version: anything else was not written by Append.
        for (var i = 0; i < recent.Count; i++)
        {
            if (recent[i].Item1 != last - recent.Count + 1 + i)
            {
                return null;
            }
        }

        return recent.Count > Capacity ? null : new PolicyChangeLog(last, recent);
    }

    /// <summary>This log after one more write of <paramref name="id"/>, keeping the last <see cref="Capacity"/>.</summary>
    public PolicyChangeLog Append(string id) =>
        new(Version + 1, [.. Recent.Skip(Recent.Count == Capacity ? 1 : 0), (Version + 1, id)]);

    /// <summary>The ids written after version <paramref name="applied"/>, each once; null when some of those writes are no longer listed.</summary>
    public IReadOnlyList<string>? IdsSince(long applied)
    {
        if (applied > Version)
        {
            return null;
        }

        var since = Recent.Where(r => r.Version > applied).ToList();
        return since.Count == Version - applied ? [.. since.Select(r => r.Id).Distinct(StringComparer.Ordinal)] : null;
    }

    /// <summary>The <c>Changes</c> property.</summary>
    public string FormatChanges()
    {
        var text = new StringBuilder();
        foreach (var (version, id) in Recent)
        {
            text.Append(text.Length == 0 ? "" : ",").Append(version.ToString(CultureInfo.InvariantCulture)).Append(':').Append(id);
        }

        return text.ToString();
    }
}
