namespace CorsFunctions.Worker.Management;

/// <summary>The decisions of the report-only policy that governs the path, beside the enforced ones.</summary>
/// <param name="Policy">The report-only policy that matched.</param>
/// <param name="Preflight">The preflight decision it would give, when a method was given.</param>
/// <param name="ActualRequest">The actual-request decision it would give.</param>
internal sealed record CorsCheckReportOnly(CorsCheckPolicy Policy, CorsCheckDecision? Preflight, CorsCheckDecision ActualRequest);
