using CorsFunctions.Core;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Core.Routing;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace CorsFunctions.Worker.Middleware;

/// <summary>
/// The CORS logic of the request path, free of worker types: classifies a request, resolves its policy in
/// the current snapshot (never the store), decides, counts and logs CORS requests. It never throws: a failure
/// refuses a preflight (fail closed) and leaves any other response without CORS headers.
/// </summary>
internal sealed class CorsRequestHandler(IPolicySnapshotSource policies, CorsRequestMetrics metrics, ILogger<CorsRequestHandler> logger)
{
    private const string Options = "OPTIONS";

    /// <summary>Decides what to do with <paramref name="request"/>.</summary>
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
                CorsRequestKind.Preflight => CorsDecision.AnswerPreflight(DecidePreflight(request, origin!, requestMethod!)),

                // A plain OPTIONS (no Access-Control-Request-Method) included: an actual request of method OPTIONS.
                CorsRequestKind.Actual => CorsDecision.StampResponse(DecideActualRequest(request, origin!)),
                _ => DecideWithoutOrigin(request),
            };
        }
        catch (Exception exception)
        {
            // Headers that cannot be read on an OPTIONS request may hide a preflight: refuse it (fail closed).
            if (kind == CorsRequestKind.Preflight
                || (kind is null && string.Equals(request.Method, Options, StringComparison.OrdinalIgnoreCase)))
            {
                logger.PreflightFailed(exception, request.Method, request.Path);
                metrics.PreflightFailed();
                return CorsDecision.AnswerPreflight(PreflightResult.Reject(CorsRejection.MalformedRequest, "CORS evaluation failed"));
            }

            logger.ActualRequestFailed(exception, request.Method, request.Path);
            metrics.ActualRequestFailed();
            return CorsDecision.PassThrough;
        }
    }

    /// <summary>
    /// Writes <paramref name="decision"/> onto <paramref name="headers"/>; false (logged) when writing failed,
    /// in which case a preflight must be refused.
    /// </summary>
    public bool TryWrite(in CorsDecision decision, HttpHeadersCollection headers, ICorsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var sink = new HttpHeadersSink(headers);
            decision.WriteTo(ref sink);
            return true;
        }
        catch (Exception exception)
        {
            if (decision.Action == CorsAction.AnswerPreflight)
            {
                logger.PreflightFailed(exception, request.Method, request.Path);
            }
            else
            {
                logger.ActualRequestFailed(exception, request.Method, request.Path);
            }

            return false;
        }
    }

    private PreflightResult DecidePreflight(ICorsRequest request, string origin, string requestMethod)
    {
        var snapshot = policies.Current;
        var match = snapshot.Policies.Resolve(request.Path);
        var result = match.Policy is { } policy
            ? policy.EvaluatePreflight(origin, requestMethod, request.GetHeader(CorsHeaderNames.RequestHeaders),
                request.GetHeader(CorsHeaderNames.RequestPrivateNetwork))
            : PreflightResult.Reject(match.Rejection, WhyNoPolicy(match, snapshot));

        metrics.Preflight(result.Rejection);
        logger.Preflight(result, requestMethod, request.Path, origin, match.PolicyId);
        return result;
    }

    private ActualRequestResult DecideActualRequest(ICorsRequest request, string origin)
    {
        var match = policies.Current.Policies.Resolve(request.Path);
        var result = match.Policy?.EvaluateActualRequest(origin) ?? ActualRequestResult.Reject(match.Rejection);

        metrics.ActualRequest(result.Rejection);
        logger.ActualRequest(result, request.Path, origin, match.PolicyId);
        return result;
    }

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
