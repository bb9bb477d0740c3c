using System.Globalization;
using System.Text.Json.Nodes;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>The workbook and the alert rules over the CorsFunctions telemetry, each deployed only when asked for.</summary>
public sealed class ObservabilityTests
{
    private const string WorkbookType = "Microsoft.Insights/workbooks";
    private const string AlertType = "Microsoft.Insights/scheduledQueryRules";

    public static TheoryData<string> Scenarios => Scenario.Names();

    public static TheoryData<string> WithWorkbook => Scenario.Names(s => s.Workbook);

    public static TheoryData<string> WithSnapshotAgeAlert => Scenario.Names(s => s.SnapshotAgeAlert);

    public static TheoryData<string> WithInvalidPolicyAlert => Scenario.Names(s => s.InvalidPolicyAlert);

    public static TheoryData<string> WithRefusalSpikeAlert => Scenario.Names(s => s.RefusalSpikeAlert);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Workbook_and_each_alert_rule_exist_exactly_when_their_parameter_is_on(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        var expected = new List<string>();
        if (snapshot.Scenario.SnapshotAgeAlert)
        {
            expected.Add("alert-cors-snapshot-age");
        }

        if (snapshot.Scenario.InvalidPolicyAlert)
        {
            expected.Add("alert-cors-invalid-policy");
        }

        if (snapshot.Scenario.RefusalSpikeAlert)
        {
            expected.Add("alert-cors-refusal-spike");
        }

        Assert.Equal(snapshot.Scenario.Workbook ? 1 : 0, snapshot.OfType(WorkbookType).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), snapshot.OfType(AlertType).Select(a => a.Str("name")!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WithWorkbook))]
    public void Workbook_shows_refusals_by_reason_and_policy_top_refused_origins_snapshot_age_and_invalid_policies(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        var workbook = snapshot.Single(WorkbookType);
        Assert.Contains("microsoft.insights/components", workbook["properties"].Str("sourceId"), StringComparison.OrdinalIgnoreCase);
        var panels = Panels(workbook);

        var refused = panels["refused-preflights"];
        Assert.Contains("Name == \"cors.decisions\"", refused, StringComparison.Ordinal);
        Assert.Contains("kind == \"preflight\" and outcome == \"rejected\"", refused, StringComparison.Ordinal);
        Assert.Contains("Properties[\"cors.rejection.reason\"]", refused, StringComparison.Ordinal);
        Assert.Contains("Properties[\"cors.policy.id\"]", refused, StringComparison.Ordinal);
        Assert.Contains("bin(TimeGenerated, 5m)", refused, StringComparison.Ordinal);

        var origins = panels["top-refused-origins"];
        Assert.StartsWith("AppTraces", origins, StringComparison.Ordinal);
        Assert.Contains("Message startswith \"Preflight rejected\"", origins, StringComparison.Ordinal); // the log line of event 1002
        Assert.Contains("origin = tostring(Properties.Origin)", origins, StringComparison.Ordinal);
        Assert.Contains("top 20 by refused", origins, StringComparison.Ordinal);

        Assert.Contains("Name == \"cors.policy.snapshot.age\"", panels["snapshot-age"], StringComparison.Ordinal);
        Assert.Contains("Name == \"cors.policy.invalid\"", panels["invalid-policies"], StringComparison.Ordinal);
        Assert.Contains("PolicySnapshotReporter", panels["invalid-policy-logs"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WithSnapshotAgeAlert))]
    public void Snapshot_age_alert_fires_above_three_refresh_intervals(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        var threshold = 3 * int.Parse(snapshot.Scenario.RefreshSeconds, CultureInfo.InvariantCulture);
        var query = Query(Alert(snapshot, "alert-cors-snapshot-age"));

        Assert.Contains("Name == \"cors.policy.snapshot.age\"", query, StringComparison.Ordinal);
        Assert.EndsWith($"where age_seconds > {threshold}", query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WithInvalidPolicyAlert))]
    public void Invalid_policy_alert_fires_on_any_invalid_policy(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        var query = Query(Alert(snapshot, "alert-cors-invalid-policy"));

        Assert.Contains("Name == \"cors.policy.invalid\"", query, StringComparison.Ordinal);
        Assert.EndsWith("where invalid > 0", query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WithRefusalSpikeAlert))]
    public void Refusal_spike_alert_compares_the_last_5_minutes_with_the_hour_before_above_a_floor(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);

        var alert = Alert(snapshot, "alert-cors-refusal-spike");
        var query = Query(alert);

        Assert.Equal("PT1H", alert["properties"].Str("windowSize"));
        Assert.Contains("Name == \"cors.decisions\"", query, StringComparison.Ordinal);
        Assert.Contains("where outcome == \"rejected\"", query, StringComparison.Ordinal);
        Assert.Contains($"recent >= {snapshot.Scenario.RefusalSpikeMinimum} and recent > 3 * before / 11.0", query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Alerts_query_the_workspace_fire_on_any_row_and_notify_the_action_group_when_one_is_given(string scenario)
    {
        var snapshot = Snapshot.Load(scenario);
        foreach (var alert in snapshot.OfType(AlertType))
        {
            var properties = alert["properties"]!;
            var criterion = properties["criteria"]!["allOf"]!.AsArray().Single()!;
            Assert.Contains("Microsoft.OperationalInsights/workspaces", properties["scopes"]!.AsArray().Single()!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(("Count", "GreaterThan", 0), (criterion.Str("timeAggregation"), criterion.Str("operator"), criterion["threshold"]!.GetValue<int>()));
            Assert.True(properties.Bool("enabled"));
            var groups = properties["actions"]?["actionGroups"]?.AsArray().Select(g => g!.GetValue<string>()).ToList() ?? [];
            Assert.Equal(snapshot.Scenario.ActionGroupId is { } group ? [group] : [], groups);
        }
    }

    private static JsonObject Alert(Snapshot snapshot, string name) =>
        snapshot.OfType(AlertType).Single(a => a.Str("name") == name);

    private static string Query(JsonObject alert) =>
        alert["properties"]!["criteria"]!["allOf"]!.AsArray().Single().Str("query")!;

    private static Dictionary<string, string> Panels(JsonObject workbook)
    {
        var data = JsonNode.Parse(workbook["properties"].Str("serializedData")!)!;
        return data["items"]!.AsArray().ToDictionary(item => item.Str("name")!, item => item!["content"].Str("query")!);
    }
}
