using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The CORS logic of the request path, free of worker types: classifies a request, resolves its policy in
/// the current snapshot (never the store), decides, writes the decision and only then counts and logs it, so
/// a decision whose headers never reached the response is reported as not stamped, never as allowed. It never
/// throws: a failure refuses a preflight (fail closed) and leaves any other response without CORS headers.
/// </summary>
internal sealed class CorsRequestHandler(IPolicySnapshotSource policies, CorsRequestMetrics metrics, ILogger<CorsRequestHandler> logger)
{
    /// <summary>The headers a grant consists of: taken back when writing failed half-way.</summary>
    private static readonly string[] s_grantHeaders =
    [
        CorsHeaderNames.AllowOrigin, CorsHeaderNames.AllowCredentials, CorsHeaderNames.AllowMethods, CorsHeaderNames.AllowHeaders,
        CorsHeaderNames.MaxAge, CorsHeaderNames.AllowPrivateNetwork, CorsHeaderNames.ExposeHeaders,
    ];

    /// <summary>Decides what to do with <paramref name="request"/>; counted and logged when written (<see cref="TryWrite"/>).</summary>
    public CorsDecision Decide(ICorsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CorsRequestKind? kind = null;
        try
        {
            var origin = request.GetHeader(CorsHeaderNames.Origin);
            var requestMethod = request.GetHeader(CorsHeaderNames.RequestMethod);
            kind = CorsRequestClassifier.Classify(request.Method, origin is not null, requestMethod is not null);
            return kind switch
            {
                CorsRequestKind.Preflight => DecidePreflight(request, origin!, requestMethod!),

                // A plain OPTIONS (no Access-Control-Request-Method) included: an actual request of method OPTIONS.
                CorsRequestKind.Actual => DecideActualRequest(request, origin!),
                _ => DecideWithoutOrigin(request),
            };
        }
        catch (Exception exception)
        {
            // Headers that cannot be read on an OPTIONS request may hide a preflight: refuse it (fail closed).
            if (kind == CorsRequestKind.Preflight || (kind is null && CorsRequestClassifier.IsOptions(request.Method)))
            {
                logger.PreflightFailed(exception, request.Method, request.Path);
                metrics.PreflightFailed();
                return CorsDecision.FailedPreflight;
            }

            logger.ActualRequestFailed(exception, request.Method, request.Path);
            metrics.ActualRequestFailed();
            return CorsDecision.PassThrough;
        }
    }

    /// <summary>
    /// Writes <paramref name="decision"/> through <paramref name="sink"/>, then counts and logs it. False when
    /// writing threw: any grant already written is taken back, the failure is counted and logged (a preflight as
    /// refused, anything else as not stamped), and a preflight must then be answered 403 with no CORS header.
    /// </summary>
    public bool TryWrite<TSink>(in CorsDecision decision, ref TSink sink, ICorsRequest request)
        where TSink : IResponseHeaderSink
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            decision.WriteTo(ref sink);
        }
        catch (Exception exception)
        {
            TakeBackGrant(ref sink);
            if (decision.Action == CorsAction.AnswerPreflight)
            {
                logger.PreflightWriteFailed(exception, request.Method, request.Path);
                metrics.PreflightFailed();
            }
            else
            {
                logger.ActualRequestWriteFailed(exception, request.Method, request.Path);
                CountNotStamped(decision, UnstampedReason.WriteFailed);
            }

            return false;
        }

        Record(decision, request);
        return true;
    }

    /// <summary>
    /// Reports that <paramref name="decision"/> could not be written at all (no response, or one already started):
    /// counted and logged as not stamped, a preflight as refused.
    /// </summary>
    public void NotStamped(in CorsDecision decision, ICorsRequest request, UnstampedReason reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (decision.Action == CorsAction.AnswerPreflight)
        {
            metrics.PreflightFailed();
        }
        else
        {
            CountNotStamped(decision, reason);
        }

        if (decision.Action != CorsAction.PassThrough)
        {
            logger.NotStamped(reason, request.Method, request.Path, request.GetHeader(CorsHeaderNames.Origin), decision.PolicyId);
        }
    }

    private void Record(in CorsDecision decision, ICorsRequest request)
    {
        if (decision.EvaluationFailed)
        {
            return; // counted and logged when the logic failed
        }

        switch (decision.Action)
        {
            case CorsAction.AnswerPreflight:
                metrics.Preflight(decision.Preflight.Rejection);
                logger.Preflight(decision.Preflight, request.GetHeader(CorsHeaderNames.RequestMethod) ?? request.Method, request.Path,
                    request.GetHeader(CorsHeaderNames.Origin) ?? "", decision.PolicyId);
                break;
            case CorsAction.StampResponse:
                metrics.ActualRequest(decision.ActualRequest.Rejection);
                logger.ActualRequest(decision.ActualRequest, request.Path, request.GetHeader(CorsHeaderNames.Origin) ?? "", decision.PolicyId);
                break;
        }
    }

    private void CountNotStamped(in CorsDecision decision, UnstampedReason reason)
    {
        // Requests without Origin are not CORS requests and are never counted.
        if (decision.Action == CorsAction.StampResponse)
        {
            metrics.ActualRequestNotStamped(reason);
        }
    }

    private static void TakeBackGrant<TSink>(ref TSink sink)
        where TSink : IResponseHeaderSink
    {
        foreach (var name in s_grantHeaders)
        {
            try
            {
                sink.Remove(name);
            }
            catch (Exception)
            {
                // Headers that cannot change any more (the response started) took no grant either.
            }
        }
    }

    private CorsDecision DecidePreflight(ICorsRequest request, string origin, string requestMethod)
    {
        var snapshot = policies.Current;
        var (requestHeaders, privateNetwork) = (request.GetHeader(CorsHeaderNames.RequestHeaders), request.GetHeader(CorsHeaderNames.RequestPrivateNetwork));
        var match = snapshot.Policies.Resolve(request.Path);
        var result = EvaluatePreflight(match, snapshot, origin, requestMethod, requestHeaders, privateNetwork);

        // Beside the enforced answer, never instead of it: the report-only decision is counted and logged when decided.
        var reportOnly = snapshot.Policies.ResolveReportOnly(request.Path);
        if (reportOnly.Entry is not null)
        {
            var wouldAnswer = EvaluatePreflight(reportOnly, snapshot, origin, requestMethod, requestHeaders, privateNetwork);
            metrics.Preflight(wouldAnswer.Rejection, PolicyMode.ReportOnly);
            logger.ReportOnlyPreflight(wouldAnswer, result, requestMethod, request.Path, origin, reportOnly.PolicyId, match.PolicyId);
        }

        return CorsDecision.AnswerPreflight(result, match.PolicyId);
    }

    private CorsDecision DecideActualRequest(ICorsRequest request, string origin)
    {
        var set = policies.Current.Policies;
        var match = set.Resolve(request.Path);
        var result = EvaluateActualRequest(match, origin);

        var reportOnly = set.ResolveReportOnly(request.Path);
        if (reportOnly.Entry is not null)
        {
            var wouldAnswer = EvaluateActualRequest(reportOnly, origin);
            metrics.ActualRequest(wouldAnswer.Rejection, PolicyMode.ReportOnly);
            logger.ReportOnlyActualRequest(wouldAnswer, result, request.Path, origin, reportOnly.PolicyId, match.PolicyId);
        }

        return CorsDecision.StampResponse(result, match.PolicyId);
    }

    private static PreflightResult EvaluatePreflight(PolicyMatch match, PolicySnapshot snapshot, string origin, string requestMethod,
        string? requestHeaders, string? privateNetwork) =>
        match.Policy is { } policy
            ? policy.EvaluatePreflight(origin, requestMethod, requestHeaders, privateNetwork)
            : PreflightResult.Reject(match.Rejection, WhyNoPolicy(match, snapshot));

    private static ActualRequestResult EvaluateActualRequest(PolicyMatch match, string origin) =>
        match.Policy?.EvaluateActualRequest(origin) ?? ActualRequestResult.Reject(match.Rejection);

    /// <summary>
    /// Not a CORS request, so nothing is granted; but where a valid policy could allow some origin, the same URL
    /// answers cross-origin requests differently, and a cache must not hand this response to one of them.
    /// </summary>
    private CorsDecision DecideWithoutOrigin(ICorsRequest request) =>
        policies.Current.Policies.Resolve(request.Path).Policy is null ? CorsDecision.PassThrough : CorsDecision.VaryOnOrigin;

    private static string WhyNoPolicy(PolicyMatch match, PolicySnapshot snapshot) => match.Rejection switch
    {
        CorsRejection.InvalidPolicy => "the policy for this path is invalid; its routes refuse CORS until it is fixed",
        _ when !snapshot.IsLoaded => "no policy loaded yet (the store has not been read)",
        _ => "no policy governs this path",
    };
}
