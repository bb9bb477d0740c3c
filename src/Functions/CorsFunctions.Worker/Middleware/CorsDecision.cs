using System.Net;
using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Worker.Middleware;

/// <summary>The outcome of the CORS logic for one request: the action and the headers to write.</summary>
internal readonly struct CorsDecision
{
    private CorsDecision(CorsAction action, PreflightResult preflight, ActualRequestResult actualRequest, string? policyId,
        bool evaluationFailed, string? route = null)
    {
        Action = action;
        Preflight = preflight;
        ActualRequest = actualRequest;
        PolicyId = policyId;
        EvaluationFailed = evaluationFailed;
        Route = route;
    }

    /// <summary>Leave the request and its response alone.</summary>
    public static CorsDecision PassThrough => default;

    /// <summary>Append <c>Vary: Origin</c> to the function's response and nothing else.</summary>
    public static CorsDecision VaryOnOrigin => new(CorsAction.VaryOnOrigin, default, default, null, evaluationFailed: false);

    /// <summary>
    /// A preflight refused because the CORS logic failed: already counted and logged as a failure, so writing it
    /// records nothing more.
    /// </summary>
    public static CorsDecision FailedPreflight { get; } = new(CorsAction.AnswerPreflight,
        PreflightResult.Reject(CorsRejection.MalformedRequest, "CORS evaluation failed"), default, null, evaluationFailed: true);

    /// <summary>What to do.</summary>
    public CorsAction Action { get; }

    /// <summary>The preflight answer when <see cref="Action"/> is <see cref="CorsAction.AnswerPreflight"/>.</summary>
    public PreflightResult Preflight { get; }

    /// <summary>The headers for the function's response when <see cref="Action"/> is <see cref="CorsAction.StampResponse"/>.</summary>
    public ActualRequestResult ActualRequest { get; }

    /// <summary>The id of the policy that decided, or null when none governs the path.</summary>
    public string? PolicyId { get; }

    /// <summary>The deciding policy's route pattern that matched the path (<c>/api/items/*</c>), or null.</summary>
    public string? Route { get; }

    /// <summary>Whether the CORS logic failed on this request (see <see cref="FailedPreflight"/>).</summary>
    public bool EvaluationFailed { get; }

    /// <summary>
    /// The status of a preflight answer: 204 when allowed or a debug answer (the browser then reads the lists and names
    /// what they lack), 403 (no CORS header) when refused.
    /// </summary>
    public HttpStatusCode PreflightStatus => Preflight.IsAllowed || Preflight.IsDebugAnswer ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden;

    /// <summary>Answer a preflight with <paramref name="result"/>.</summary>
    public static CorsDecision AnswerPreflight(PreflightResult result, string? policyId, string? route = null) =>
        new(CorsAction.AnswerPreflight, result, default, policyId, evaluationFailed: false, route);

    /// <summary>Stamp <paramref name="result"/> on the function's response.</summary>
    public static CorsDecision StampResponse(ActualRequestResult result, string? policyId, string? route = null) =>
        new(CorsAction.StampResponse, default, result, policyId, evaluationFailed: false, route);

    /// <summary>Writes the decision's headers (nothing for <see cref="CorsAction.PassThrough"/>).</summary>
    public void WriteTo<TSink>(ref TSink sink)
        where TSink : ICorsHeaderSink
    {
        switch (Action)
        {
            case CorsAction.AnswerPreflight:
                Preflight.WriteTo(ref sink);
                break;
            case CorsAction.StampResponse:
                ActualRequest.WriteTo(ref sink);
                break;
            case CorsAction.VaryOnOrigin:
                sink.AppendVary(ActualRequestResult.VaryValue);
                break;
        }
    }
}
