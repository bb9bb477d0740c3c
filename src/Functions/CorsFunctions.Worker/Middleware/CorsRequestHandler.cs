using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
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
internal sealed class CorsRequestHandler(IPolicySnapshotSource policies, CorsDecisionTelemetry telemetry, ILogger<CorsRequestHandler> logger)
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
                telemetry.Record(CorsDecisionTags.Failure(preflight: true));
                return CorsDecision.FailedPreflight;
            }

            logger.ActualRequestFailed(exception, request.Method, request.Path);
            telemetry.Record(CorsDecisionTags.Failure(preflight: false));
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
                telemetry.Record(CorsDecisionTags.Failure(preflight: true, decision.PolicyId, decision.Route));
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
            telemetry.Record(CorsDecisionTags.Failure(preflight: true, decision.PolicyId, decision.Route));
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
                telemetry.Record(CorsDecisionTags.Written(decision));
                logger.Preflight(decision.Preflight, request.GetHeader(CorsHeaderNames.RequestMethod), request.Path,
                    request.GetHeader(CorsHeaderNames.Origin), decision.PolicyId);
                break;
            case CorsAction.StampResponse:
                telemetry.Record(CorsDecisionTags.Written(decision));
                logger.ActualRequest(decision.ActualRequest, request.Path, request.GetHeader(CorsHeaderNames.Origin), decision.PolicyId);
                break;
        }
    }

    private void CountNotStamped(in CorsDecision decision, UnstampedReason reason)
    {
        // Requests without Origin are not CORS requests and are never counted.
        if (decision.Action == CorsAction.StampResponse)
        {
            telemetry.Record(CorsDecisionTags.Unstamped(decision, reason));
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
        var (snapshot, requestHeaders, privateNetwork) =
            (policies.Current, request.GetHeader(CorsHeaderNames.RequestHeaders), request.GetHeader(CorsHeaderNames.RequestPrivateNetwork));
        var result = CorsEvaluation.Preflight(snapshot, request.Path, origin, requestMethod, requestHeaders, privateNetwork, out var match);

        // Beside the enforced answer, never instead of it: the report-only decision is counted and logged when decided.
        var wouldAnswer = CorsEvaluation.ReportOnlyPreflight(snapshot, request.Path, origin, requestMethod, requestHeaders, privateNetwork,
            out var reportOnly);
        if (reportOnly.Entry is not null)
        {
            telemetry.Count(CorsDecisionTags.ReportOnly(preflight: true, wouldAnswer.Rejection, reportOnly.PolicyId, reportOnly.Route?.Text));
            logger.ReportOnlyPreflight(wouldAnswer, result, requestMethod, request.Path, origin, reportOnly.PolicyId, match.PolicyId);
        }

        return CorsDecision.AnswerPreflight(result, match.PolicyId, match.Route?.Text);
    }

    private CorsDecision DecideActualRequest(ICorsRequest request, string origin)
    {
        var snapshot = policies.Current;
        var result = CorsEvaluation.ActualRequest(snapshot, request.Path, origin, out var match);

        var wouldAnswer = CorsEvaluation.ReportOnlyActualRequest(snapshot, request.Path, origin, out var reportOnly);
        if (reportOnly.Entry is not null)
        {
            telemetry.Count(CorsDecisionTags.ReportOnly(preflight: false, wouldAnswer.Rejection, reportOnly.PolicyId, reportOnly.Route?.Text));
            logger.ReportOnlyActualRequest(wouldAnswer, result, request.Path, origin, reportOnly.PolicyId, match.PolicyId);
        }

        return CorsDecision.StampResponse(result, match.PolicyId, match.Route?.Text);
    }

    /// <summary>
    /// Not a CORS request, so nothing is granted; but where a valid policy could allow some origin, the same URL
    /// answers cross-origin requests differently, and a cache must not hand this response to one of them.
    /// </summary>
    private CorsDecision DecideWithoutOrigin(ICorsRequest request) =>
        policies.Current.Policies.Resolve(request.Path).Policy is null ? CorsDecision.PassThrough : CorsDecision.VaryOnOrigin;
}
