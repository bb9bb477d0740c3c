using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CorsFunctions.Worker.Diagnostics;

/// <summary>
/// Records each CORS decision twice: one point on the counter <c>cors.decisions</c> and the same attributes as
/// tags on the invocation's activity (when something traces it), so one refused browser call can be found in the
/// trace and counted on a dashboard.
/// </summary>
internal sealed class CorsDecisionTelemetry
{
    /// <summary>The counter of CORS decisions.</summary>
    public const string DecisionsInstrument = "cors.decisions";

    private readonly Counter<long> _decisions;

    public CorsDecisionTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _decisions = meterFactory.Create(CorsFunctionsTelemetry.MeterName).CreateCounter<long>(DecisionsInstrument, "{decision}",
            "CORS decisions (preflights answered, actual cross-origin requests stamped or refused), by kind, outcome, reason, policy and route.");
    }

    /// <summary>Counts the decision and tags the current activity with it.</summary>
    public void Record(in CorsDecisionTags tags)
    {
        _decisions.Add(1, tags.ToTagList());
        if (Activity.Current is { } activity)
        {
            tags.ApplyTo(activity);
        }
    }

    /// <summary>
    /// Counts a decision without tagging the activity: a report-only decision, whose tags would overwrite those of
    /// the answer actually sent on the same span.
    /// </summary>
    public void Count(in CorsDecisionTags tags) => _decisions.Add(1, tags.ToTagList());
}
