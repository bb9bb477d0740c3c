using System.Diagnostics.Metrics;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Middleware;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Counters of CORS decisions on the meter <c>CorsFunctions</c>: <c>cors.preflight</c> and
/// <c>cors.actual_request</c>, tagged <c>outcome</c> (allowed, rejected, not_stamped) and <c>reason</c>. A decision
/// is counted once its headers are on the response; an actual request whose headers never got there is
/// <c>not_stamped</c> (reason <c>NoResponse</c>, <c>ResponseStarted</c> or <c>WriteFailed</c>), never allowed. Tag
/// <c>mode</c>: <c>enforce</c> for the answer sent, <c>reportOnly</c> for what a report-only policy would have answered
/// (counted when decided, beside it).
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

    /// <summary>Counts a preflight decision of a policy in <paramref name="mode"/>.</summary>
    public void Preflight(CorsRejection rejection, PolicyMode mode = PolicyMode.Enforce) => Count(_preflights, rejection.ToString(), Outcome(rejection), mode);

    /// <summary>Counts a preflight refused because the CORS logic failed.</summary>
    public void PreflightFailed() => Count(_preflights, ErrorReason, Rejected);

    /// <summary>Counts an actual-request decision of a policy in <paramref name="mode"/>.</summary>
    public void ActualRequest(CorsRejection rejection, PolicyMode mode = PolicyMode.Enforce) =>
        Count(_actualRequests, rejection.ToString(), Outcome(rejection), mode);

    /// <summary>Counts an actual request left without CORS headers because the CORS logic failed.</summary>
    public void ActualRequestFailed() => Count(_actualRequests, ErrorReason, Rejected);

    /// <summary>Counts an actual request whose CORS headers did not reach its response.</summary>
    public void ActualRequestNotStamped(UnstampedReason reason) => Count(_actualRequests, reason.ToString(), NotStamped);

    private static string Outcome(CorsRejection rejection) => rejection == CorsRejection.None ? Allowed : Rejected;

    // Three tags: the most Counter.Add takes without allocating an array.
    private static void Count(Counter<long> counter, string reason, string outcome, PolicyMode mode = PolicyMode.Enforce) =>
        counter.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason),
            new KeyValuePair<string, object?>("mode", PolicyModeText.Format(mode)));
}
