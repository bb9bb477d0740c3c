using Azure;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Cli;

/// <summary>One policy's difference between a file and the table.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="Kind">What differs.</param>
/// <param name="Proposed">The file's definition (null when only in the table).</param>
/// <param name="StoredETag">The row's ETag as read (null when not in the table): every write is conditional on it.</param>
/// <param name="Fields">The fields that differ, as JSON member names with the stored and the proposed value.</param>
internal sealed record PolicyChange(string Id, PolicyChangeKind Kind, CorsPolicyDefinition? Proposed, ETag? StoredETag,
    IReadOnlyList<(string Field, string? Stored, string? Proposed)> Fields);
