using System.Diagnostics.Metrics;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Counters of CORS decisions on the meter <c>CorsFunctions</c>: <c>cors.preflight</c> and
/// <c>cors.actual_request</c>, tagged <c>outcome</c> (allowed, rejected, not_stamped) and <c>reason</c>. A decision
/// is counted once its headers are on the response; an actual request whose headers never got there is
/// <c>not_stamped</c> (reason <c>NoResponse</c>, <c>ResponseStarted</c> or <c>WriteFailed</c>), never allowed.
/// </summary>
internal sealed class CorsRequestMetrics
{
    /// <summary>The meter every CorsFunctions instrument lives on.</summary>
    public const string MeterName = "CorsFunctions";

    /// <summary>The <c>reason</c> of a decision that failed with an exception (fail closed).</summary>
    public const string ErrorReason = "Error";

    private const string Allowed = "allowed";
    private const string Rejected = "rejected";
    private const string NotStamped = "not_stamped";

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
    public void Preflight(CorsRejection rejection) => Count(_preflights, rejection.ToString(), Outcome(rejection));

    /// <summary>Counts a preflight refused because the CORS logic failed.</summary>
    public void PreflightFailed() => Count(_preflights, ErrorReason, Rejected);

    /// <summary>Counts an actual-request decision.</summary>
    public void ActualRequest(CorsRejection rejection) => Count(_actualRequests, rejection.ToString(), Outcome(rejection));

    /// <summary>Counts an actual request left without CORS headers because the CORS logic failed.</summary>
    public void ActualRequestFailed() => Count(_actualRequests, ErrorReason, Rejected);

    /// <summary>Counts an actual request whose CORS headers did not reach its response.</summary>
    public void ActualRequestNotStamped(UnstampedReason reason) => Count(_actualRequests, reason.ToString(), NotStamped);

    private static string Outcome(CorsRejection rejection) => rejection == CorsRejection.None ? Allowed : Rejected;

    private static void Count(Counter<long> counter, string reason, string outcome) =>
        counter.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason));
}
