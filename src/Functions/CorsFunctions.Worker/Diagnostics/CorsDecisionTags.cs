using System.Diagnostics;
using CorsFunctions.Core.Evaluation;
using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// The attributes of one CORS decision, shared by its metric point and its span tags: an attribute added here
/// (for example a report-only mode) reaches both signals at once.
/// </summary>
/// <param name="Kind"><see cref="CorsAttributes.Preflight"/> or <see cref="CorsAttributes.Actual"/>.</param>
/// <param name="Outcome"><see cref="CorsAttributes.Allowed"/>, <see cref="CorsAttributes.Rejected"/> or <see cref="CorsAttributes.NotStamped"/>.</param>
/// <param name="Reason">The rejection (or not-stamped) reason; null when allowed.</param>
/// <param name="PolicyId">The governing policy's id, if any.</param>
/// <param name="Route">The governing policy's matched route pattern, if any.</param>
/// <param name="Mode"><see cref="CorsAttributes.Enforce"/> (the answer sent) or <see cref="CorsAttributes.ReportOnly"/> (what a report-only policy would have answered).</param>
/// <param name="DebugAnswer">Whether a refused preflight was answered in debug mode (<see cref="CorsAttributes.DebugAnswer"/>).</param>
internal readonly record struct CorsDecisionTags(string Kind, string Outcome, string? Reason, string? PolicyId, string? Route,
    string Mode = CorsAttributes.Enforce, bool DebugAnswer = false)
{
    /// <summary>Whether the CORS logic failed rather than decided.</summary>
    public bool Failed => string.Equals(Reason, CorsAttributes.EvaluationError, StringComparison.Ordinal);

    /// <summary>The tags of <paramref name="decision"/>, written onto the response.</summary>
    public static CorsDecisionTags Written(in CorsDecision decision)
    {
        var preflight = decision.Action == CorsAction.AnswerPreflight;
        var rejection = preflight ? decision.Preflight.Rejection : decision.ActualRequest.Rejection;
        return new(KindOf(preflight), rejection == CorsRejection.None ? CorsAttributes.Allowed : CorsAttributes.Rejected,
            CorsAttributes.Reason(rejection), decision.PolicyId, decision.Route, DebugAnswer: preflight && decision.Preflight.IsDebugAnswer);
    }

    /// <summary>The tags of an actual request whose decision never reached its response.</summary>
    public static CorsDecisionTags Unstamped(in CorsDecision decision, UnstampedReason reason) =>
        new(CorsAttributes.Actual, CorsAttributes.NotStamped, CorsAttributes.Reason(reason), decision.PolicyId, decision.Route);

    /// <summary>The tags of a request the CORS logic failed on (a preflight is then refused).</summary>
    public static CorsDecisionTags Failure(bool preflight, string? policyId = null, string? route = null) =>
        new(KindOf(preflight), CorsAttributes.Rejected, CorsAttributes.EvaluationError, policyId, route);

    /// <summary>The tags of what a report-only policy would decide (<paramref name="rejection"/>), which is never sent.</summary>
    public static CorsDecisionTags ReportOnly(bool preflight, CorsRejection rejection, string? policyId, string? route) =>
        new(KindOf(preflight), rejection == CorsRejection.None ? CorsAttributes.Allowed : CorsAttributes.Rejected,
            CorsAttributes.Reason(rejection), policyId, route, CorsAttributes.ReportOnly);

    /// <summary>The metric attributes (absent values left out).</summary>
    public TagList ToTagList()
    {
        var tags = new TagList
        {
            { CorsAttributes.RequestKind, Kind },
            { CorsAttributes.Outcome, Outcome },
            { CorsAttributes.PolicyMode, Mode },
        };
        AddWhenPresent(ref tags, CorsAttributes.RejectionReason, Reason);
        AddWhenPresent(ref tags, CorsAttributes.PolicyId, PolicyId);
        AddWhenPresent(ref tags, CorsAttributes.HttpRoute, Route);
        if (DebugAnswer)
        {
            tags.Add(CorsAttributes.DebugAnswer, true);
        }

        return tags;
    }

    /// <summary>Puts the same attributes on <paramref name="activity"/>; a failed evaluation also marks it as an error.</summary>
    public void ApplyTo(Activity activity)
    {
        foreach (var tag in ToTagList())
        {
            activity.SetTag(tag.Key, tag.Value);
        }

        if (Failed)
        {
            activity.SetStatus(ActivityStatusCode.Error, "CORS evaluation failed");
        }
    }

    private static string KindOf(bool preflight) => preflight ? CorsAttributes.Preflight : CorsAttributes.Actual;

    private static void AddWhenPresent(ref TagList tags, string name, string? value)
    {
        if (value is not null)
        {
            tags.Add(name, value);
        }
    }
}
