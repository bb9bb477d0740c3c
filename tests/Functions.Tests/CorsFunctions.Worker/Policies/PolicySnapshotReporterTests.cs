using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>What a load tells the operator: one line per load, and each invalid policy or route conflict once until it changes.</summary>
public sealed class PolicySnapshotReporterTests
{
    private readonly FakeLogger<PolicySnapshotReporter> _logger = new();
    private readonly PolicySnapshotReporter _reporter;

    public PolicySnapshotReporterTests() =>
        _reporter = new PolicySnapshotReporter(Options.Create(new CorsPolicyOptions { TableName = "Policies", PartitionKey = "blue" }), _logger);

    [Fact]
    public void A_changed_set_is_logged_with_its_counts_table_and_policy_set()
    {
        Report(unchanged: false, TestPolicies.Items("a", "/a"), TestPolicies.Items("b", "/b") with { MaxAgeSeconds = -1 });

        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2000);
        Assert.Equal("Loaded CORS policies from table Policies, policy set blue: 2 (1 invalid).", record.Message);
    }

    [Fact]
    public void An_unchanged_set_is_logged_as_unchanged_only()
    {
        Report(unchanged: true, TestPolicies.Items("a", "/a"));

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(2001, record.Id.Id);
        Assert.Equal("CORS policies reloaded, unchanged: 1 in the snapshot.", record.Message);
    }

    [Fact]
    public void An_invalid_policy_names_every_route_it_closes()
    {
        Report(unchanged: false, TestPolicies.Items("broken", "/a", "/b") with { MaxAgeSeconds = -1 });

        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2004);
        Assert.Equal("/a, /b", record.GetStructuredStateValue("Routes"));
    }

    [Fact]
    public void A_route_conflict_is_logged_once_with_every_loser_until_it_changes()
    {
        CorsPolicyDefinition[] threeOnOneRoute = [TestPolicies.Items("a", "/x"), TestPolicies.Items("b", "/x"), TestPolicies.Items("c", "/x")];

        Report(unchanged: false, threeOnOneRoute);
        Report(unchanged: false, threeOnOneRoute);
        Report(unchanged: false, TestPolicies.Items("a", "/x"));
        Report(unchanged: false, threeOnOneRoute);

        var conflicts = _logger.Collector.GetSnapshot().Where(r => r.Id.Id == 2007).ToList();
        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, r => Assert.Equal("Route /x is named by several CORS policies: a governs it, b, c are ignored there.", r.Message));
    }

    [Fact]
    public void A_row_key_carrying_a_bidi_override_reaches_the_conflict_log_neutralized()
    {
        // U+202E would show "b<RLO>exe.txt" reversed; the id is invalid but its readable route still conflicts.
        Report(unchanged: false, TestPolicies.Items("a", "/x"), TestPolicies.FromRow("b\u202Eexe.txt", "/x"));

        var conflict = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2007);
        Assert.Equal("Route /x is named by several CORS policies: a governs it, b?exe.txt are ignored there.", conflict.Message);
        var invalid = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 2004);
        Assert.DoesNotContain('\u202E', invalid.Message);
    }

    [Fact]
    public void The_snapshot_and_its_versions_are_required()
    {
        var snapshot = new PolicySnapshot(PolicySet.Empty, DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentNullException>(() => _reporter.Report(null!, new Dictionary<string, ETag>(), unchanged: false));
        Assert.Throws<ArgumentNullException>(() => _reporter.Report(snapshot, null!, unchanged: false));
    }

    private void Report(bool unchanged, params CorsPolicyDefinition[] definitions) =>
        _reporter.Report(new PolicySnapshot(PolicySet.Create(definitions), DateTimeOffset.UnixEpoch),
            definitions.ToDictionary(d => d.Id, _ => new ETag("W/\"1\"")), unchanged);
}
