using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Testing;

namespace CorsFunctions.Functions.Tests.Policies;

/// <summary>Every write through the pipeline moves the change marker once it is done; nothing else does, and its failure fails no write.</summary>
public sealed class PolicyChangeMarkerTests
{
    private readonly InMemoryPolicyStore _store = new();
    private readonly InMemoryAuditTable _audit = new();
    private readonly FakeLogCollector _logs = new();
    private readonly PolicyWritePipeline _pipeline;

    public PolicyChangeMarkerTests() => _pipeline = new PolicyWritePipeline(_store,
        new PolicyAuditLog(_audit, "default", TimeProvider.System, new FakeLogger<PolicyAuditLog>(_logs)), TimeProvider.System,
        new FakeLogger<PolicyWritePipeline>(_logs));

    [Fact]
    public async Task A_create_a_replace_a_rollback_and_a_delete_each_move_the_marker_after_the_row_is_written()
    {
        var created = await _pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, ManagementHarness.Admin, CancellationToken.None);
        var afterCreate = await _store.ReadChangeMarkerAsync(CancellationToken.None);
        await _pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = 60 }, WriteCondition.None, ManagementHarness.Admin, CancellationToken.None);
        await _pipeline.RollbackAsync("items", 1, WriteCondition.None, ManagementHarness.Admin, CancellationToken.None);
        var afterRollback = await _store.ReadChangeMarkerAsync(CancellationToken.None);
        await _pipeline.DeleteAsync("items", null, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(PolicyWriteStatus.Written, created.Status);
        Assert.NotNull(afterCreate);
        Assert.NotEqual(afterCreate, afterRollback);
        Assert.Equal(4, _store.MarkerWrites);
        Assert.Equal(4, _store.Writes);
    }

    [Fact]
    public async Task A_refused_write_a_failed_condition_and_a_dry_run_leave_the_marker_alone()
    {
        await _pipeline.SaveAsync(TestPolicies.Items() with { AllowedOrigins = ["not an origin"] }, WriteCondition.None, ManagementHarness.Admin, CancellationToken.None);
        await _pipeline.SaveAsync(TestPolicies.Items(), new WriteCondition(new Azure.ETag("W/\"stale\""), CreateOnly: false), ManagementHarness.Admin, CancellationToken.None);
        await _pipeline.DeleteAsync("missing", null, ManagementHarness.Admin, CancellationToken.None);
        await _pipeline.PlanAsync(TestPolicies.Items(), ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(0, _store.MarkerWrites);
        Assert.Null(await _store.ReadChangeMarkerAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_marker_that_cannot_be_written_fails_no_write_and_is_logged()
    {
        _store.MarkerFailure = new Azure.RequestFailedException(503, "busy");

        var result = await _pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(PolicyWriteStatus.Written, result.Status);
        Assert.NotNull(result.Audit);
        Assert.Contains("items", _store.Rows.Keys);
        var record = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == 2020);
        Assert.Equal("items", record.GetStructuredStateValue("PolicyId"));
    }
}
