using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>The audit log and the write pipeline against a real Table Storage emulator.</summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PolicyAuditIntegrationTests(AzuriteFixture azurite)
{
    private const string PolicySet = "default";

    private static readonly PolicyWriter Operator = new(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource);

    private async Task<(TableClient Policies, TableClient AuditTable, PolicyWritePipeline Pipeline, TablePolicyAuditLog Audit)> CreateAsync()
    {
        var policies = await azurite.CreateTableAsync();
        var auditTable = await azurite.CreateTableAsync();
        var audit = new TablePolicyAuditLog(auditTable, PolicySet);
        var store = new TablePolicyStore(policies, Options.Create(new CorsPolicyOptions { TableName = policies.Name, PartitionKey = PolicySet }));
        return (policies, auditTable, new PolicyWritePipeline(store, audit, TimeProvider.System, NullLogger<PolicyWritePipeline>.Instance), audit);
    }

    [Fact]
    public async Task Every_write_appends_one_version_with_before_after_etags_and_who()
    {
        var (policies, _, pipeline, audit) = await CreateAsync();

        var created = await pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = 60 }, WriteCondition.None, Operator, CancellationToken.None);
        var replaced = await pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = 120 }, new WriteCondition(created.ETag, false), Operator, CancellationToken.None);
        var deleted = await pipeline.DeleteAsync("items", replaced.ETag, Operator, CancellationToken.None);

        Assert.Equal([PolicyWriteStatus.Written, PolicyWriteStatus.Written, PolicyWriteStatus.Written], [created.Status, replaced.Status, deleted.Status]);
        var history = await audit.ListAsync("items", CancellationToken.None);
        Assert.Equal([1, 2, 3], history.Select(e => e.Version));
        Assert.Equal([PolicyAuditAction.Put, PolicyAuditAction.Put, PolicyAuditAction.Delete], history.Select(e => e.Action));
        Assert.Null(history[0].Before);
        Assert.Equal(60, history[0].After!.MaxAgeSeconds);
        Assert.Equal((created.ETag.ToString(), replaced.ETag.ToString()), (history[1].BeforeETag, history[1].AfterETag));
        Assert.Equal(120, history[2].Before!.MaxAgeSeconds);
        Assert.Null(history[2].After);
        Assert.All(history, e => Assert.Equal(Operator, e.Writer));
        Assert.False((await policies.GetEntityIfExistsAsync<TableEntity>(PolicySet, "items")).HasValue);
    }

    [Fact]
    public async Task A_refused_write_records_nothing()
    {
        var (_, auditTable, pipeline, _) = await CreateAsync();

        var invalid = await pipeline.SaveAsync(TestPolicies.Items() with { AllowedOrigins = [] }, WriteCondition.None, Operator, CancellationToken.None);
        var stale = await pipeline.SaveAsync(TestPolicies.Items(), new WriteCondition(new ETag("W/\"stale\""), false), Operator, CancellationToken.None);

        Assert.Equal((PolicyWriteStatus.Invalid, PolicyWriteStatus.PreconditionFailed), (invalid.Status, stale.Status));
        Assert.Empty(await auditTable.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_policy_too_large_for_one_property_round_trips_through_the_audit_log()
    {
        var (_, auditTable, pipeline, audit) = await CreateAsync();
        // Each list fits a table property (32K characters), the definition's JSON does not: it is split.
        var large = TestPolicies.Items() with
        {
            AllowedOrigins = [.. Enumerable.Range(0, 1000).Select(i => $"https://app{i}.example.com")],
            AllowedHeaders = [.. Enumerable.Range(0, 800).Select(i => $"X-Header-Name-{i}")],
        };

        var result = await pipeline.SaveAsync(large, WriteCondition.None, Operator, CancellationToken.None);

        Assert.Equal(PolicyWriteStatus.Written, result.Status);
        var entry = await audit.GetAsync("items", 1, CancellationToken.None);
        Assert.Equal(large.AllowedOrigins, entry!.After!.AllowedOrigins);
        Assert.Equal(large.AllowedHeaders, entry.After.AllowedHeaders);
        Assert.True((await auditTable.QueryAsync<TableEntity>().SingleAsync()).ContainsKey("After_1"));
    }

    [Fact]
    public async Task Concurrent_appends_take_distinct_consecutive_versions()
    {
        var (_, _, _, audit) = await CreateAsync();
        var entry = new PolicyAuditEntry("items", 0, PolicyAuditAction.Put, DateTimeOffset.UtcNow, Operator, null, TestPolicies.Items(), null, "W/\"1\"");

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => audit.AppendAsync(entry, CancellationToken.None)));

        Assert.Equal([1, 2, 3, 4], stored.Select(e => e.Version).Order());
        Assert.Equal(4, (await audit.ListAsync("items", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Policy_sets_have_separate_histories()
    {
        var auditTable = await azurite.CreateTableAsync();
        var entry = new PolicyAuditEntry("items", 0, PolicyAuditAction.Put, DateTimeOffset.UtcNow, Operator, null, TestPolicies.Items(), null, "W/\"1\"");
        await new TablePolicyAuditLog(auditTable, "one").AppendAsync(entry, CancellationToken.None);

        Assert.Empty(await new TablePolicyAuditLog(auditTable, "two").ListAsync("items", CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_policy_table_is_a_store_failure_the_api_can_name_and_nothing_is_recorded()
    {
        var (policies, auditTable, pipeline, _) = await CreateAsync();
        await policies.DeleteAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None));

        Assert.Equal(StoreFailureKind.TableMissing, StoreFailures.Classify(failure, CancellationToken.None));
        Assert.Equal(policies.Name, StoreFailures.TableOf(failure));
        Assert.Empty(await auditTable.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_failure_of_the_audit_table_names_the_audit_table()
    {
        var (_, auditTable, _, audit) = await CreateAsync();
        await auditTable.DeleteAsync();
        var named = new TableNamedAuditLog(audit, auditTable.Name);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => named.ListAsync("items", CancellationToken.None));

        Assert.Equal(StoreFailureKind.TableMissing, StoreFailures.Classify(failure, CancellationToken.None));
        Assert.Equal(auditTable.Name, StoreFailures.TableOf(failure));
    }
}
