using System.Diagnostics.Metrics;
using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Counters of CORS decisions on the meter <c>CorsFunctions</c>: <c>cors.preflight</c> and
/// <c>cors.actual_request</c>, tagged <c>outcome</c> (allowed, rejected) and <c>reason</c>.
/// </summary>
internal sealed class CorsRequestMetrics
{
    /// <summary>The meter every CorsFunctions instrument lives on.</summary>
    public const string MeterName = "CorsFunctions";

    /// <summary>The <c>reason</c> of a decision that failed with an exception (fail closed).</summary>
    public const string ErrorReason = "Error";

    private readonly Counter<long> _preflights;
    private readonly Counter<long> _actualRequests;

    /// <summary>Creates the counters on the app's meter.</summary>
    public CorsRequestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _preflights = meter.CreateCounter<long>("cors.preflight", "{request}", "Preflight requests answered, by outcome and reason.");
        _actualRequests = meter.CreateCounter<long>("cors.actual_request", "{request}", "Actual cross-origin requests, by outcome and reason.");
    }

    /// <summary>Counts a preflight decision.</summary>
    public void Preflight(CorsRejection rejection) => Count(_preflights, rejection.ToString(), rejection == CorsRejection.None);

    /// <summary>Counts a preflight refused because the CORS logic failed.</summary>
    public void PreflightFailed() => Count(_preflights, ErrorReason, allowed: false);

    /// <summary>Counts an actual-request decision.</summary>
    public void ActualRequest(CorsRejection rejection) => Count(_actualRequests, rejection.ToString(), rejection == CorsRejection.None);

    /// <summary>Counts an actual request left without CORS headers because the CORS logic failed.</summary>
    public void ActualRequestFailed() => Count(_actualRequests, ErrorReason, allowed: false);

    private static void Count(Counter<long> counter, string reason, bool allowed) =>
        counter.Add(1, new KeyValuePair<string, object?>("outcome", allowed ? "allowed" : "rejected"),
            new KeyValuePair<string, object?>("reason", reason));
}
