namespace CorsFunctions.Worker.Management;

/// <summary>The answer of <c>POST cors-check</c>.</summary>
/// <param name="SnapshotLoadedAt">When the policies in force were loaded; null: none yet, everything is refused.</param>
/// <param name="Policy">The policy that governs the path, or null.</param>
/// <param name="Preflight">The preflight decision, when a method was given.</param>
/// <param name="ActualRequest">The decision for the actual request's response.</param>
/// <param name="ReportOnly">What the report-only policy of the path would decide (only logged and counted), or null when there is none.</param>
internal sealed record CorsCheckResponse(DateTimeOffset? SnapshotLoadedAt, CorsCheckPolicy? Policy, CorsCheckDecision? Preflight, CorsCheckDecision ActualRequest,
    CorsCheckReportOnly? ReportOnly);
