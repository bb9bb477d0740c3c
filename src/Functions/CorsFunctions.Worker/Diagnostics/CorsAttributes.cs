using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Attribute names and values of the CorsFunctions metrics and span tags (OpenTelemetry style: namespaced, lower
/// snake case). Every value comes from a closed set or from the policy table, never from the request, so the
/// cardinality stays bounded by the number of stored policies.
/// </summary>
internal static class CorsAttributes
{
    /// <summary><c>preflight</c> or <c>actual</c>.</summary>
    public const string RequestKind = "cors.request.kind";

    /// <summary><c>allowed</c>, <c>rejected</c>, or <c>not_stamped</c> (decided, but its headers never reached the response).</summary>
    public const string Outcome = "cors.outcome";

    /// <summary>Why a request was refused (absent when allowed): see the <c>Reason</c> methods.</summary>
    public const string RejectionReason = "cors.rejection.reason";

    /// <summary>The id of the policy that governed the request (absent when none did).</summary>
    public const string PolicyId = "cors.policy.id";

    /// <summary>The policy's route pattern that matched (e.g. <c>/api/items/*</c>), never the raw request path.</summary>
    public const string HttpRoute = "http.route";

    /// <summary>
    /// <c>enforce</c> for the decision sent, <c>report_only</c> for what a report-only policy would have decided
    /// (counted beside the enforced one, never sent).
    /// </summary>
    public const string PolicyMode = "cors.policy.mode";

    /// <summary>
    /// <c>true</c> on a refused preflight answered in debug mode (ok status and the policy's lists); absent otherwise. The
    /// outcome of such a preflight stays <c>rejected</c>.
    /// </summary>
    public const string DebugAnswer = "cors.debug_answer";

    /// <summary>Outcome of a policy reload: <c>success</c> or <c>failure</c>.</summary>
    public const string RefreshOutcome = "cors.refresh.outcome";

    public const string Preflight = "preflight";
    public const string Actual = "actual";
    public const string Allowed = "allowed";
    public const string Rejected = "rejected";
    public const string NotStamped = "not_stamped";
    public const string Enforce = "enforce";
    public const string ReportOnly = "report_only";
    public const string Success = "success";
    public const string Failure = "failure";

    /// <summary>The reason of a request the CORS logic failed on (a preflight is then refused: fail closed).</summary>
    public const string EvaluationError = "evaluation_error";

    /// <summary>The attribute value of <paramref name="rejection"/>; null for <see cref="CorsRejection.None"/>.</summary>
    public static string? Reason(CorsRejection rejection) => rejection switch
    {
        CorsRejection.None => null,
        CorsRejection.OriginNotAllowed => "origin_not_allowed",
        CorsRejection.MethodNotAllowed => "method_not_allowed",
        CorsRejection.HeaderNotAllowed => "header_not_allowed",
        CorsRejection.PrivateNetworkNotAllowed => "private_network_not_allowed",
        CorsRejection.MalformedRequest => "malformed_request",
        CorsRejection.NoPolicy => "no_policy",
        CorsRejection.InvalidPolicy => "invalid_policy",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "A rejection without an attribute value."),
    };

    /// <summary>The attribute value of a <c>not_stamped</c> decision's <paramref name="reason"/>.</summary>
    public static string Reason(UnstampedReason reason) => reason switch
    {
        UnstampedReason.NoResponse => "no_response",
        UnstampedReason.ResponseStarted => "response_started",
        UnstampedReason.WriteFailed => "write_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "An unstamped reason without an attribute value."),
    };
}
