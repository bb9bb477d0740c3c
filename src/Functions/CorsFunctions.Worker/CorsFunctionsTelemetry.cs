namespace CorsFunctions.Worker;

/// <summary>
/// The names an app's own OpenTelemetry setup needs to collect what CorsFunctions emits. The library emits only
/// (a <see cref="System.Diagnostics.Metrics.Meter"/>, tags on the invocation's activity, <c>ILogger</c> logs) and
/// never chooses an exporter: that stays the app's decision.
/// </summary>
public static class CorsFunctionsTelemetry
{
    /// <summary>The meter every CorsFunctions instrument lives on: <c>metrics.AddMeter(CorsFunctionsTelemetry.MeterName)</c>.</summary>
    public const string MeterName = "CorsFunctions";
}
