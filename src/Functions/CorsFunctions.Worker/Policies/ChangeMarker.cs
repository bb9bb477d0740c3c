using Azure;

namespace CorsFunctions.Worker.Policies;

/// <summary>The change marker as read: its ETag moves with every write; its log, when readable, names what was written.</summary>
/// <param name="ETag">The marker row's ETag.</param>
/// <param name="Log">The writes it lists; null when the row has no readable log (written by an older version, or by hand).</param>
internal sealed record ChangeMarker(ETag ETag, PolicyChangeLog? Log);
