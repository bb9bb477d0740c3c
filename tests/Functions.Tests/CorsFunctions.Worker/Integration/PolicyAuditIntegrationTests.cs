using Azure;
using Azure.Core;
using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>The audit log and the write pipeline against a real Table Storage emulator.</summary>
[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class PolicyAuditIntegrationTests(AzuriteFixture azurite)
{
    private const string PolicySet = "default";

    private static readonly PolicyWriter Operator = new(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource);

    private readonly FakeLogger<PolicyWritePipeline> _log = new();

    private sealed record Tables(TableClient Policies, TableClient AuditTable, PolicyWritePipeline Pipeline, PolicyAuditLog Audit);

    private async Task<Tables> CreateAsync(TableClientOptions? policyOptions = null, TableClientOptions? auditOptions = null)
    {
        var (policies, auditTable) = (await azurite.CreateTableAsync(), await azurite.CreateTableAsync());
        var audit = new PolicyAuditLog(auditOptions is null ? auditTable : azurite.Client(auditTable, auditOptions), PolicySet, TimeProvider.System,
            NullLogger<PolicyAuditLog>.Instance);
        var store = new TablePolicyStore(policyOptions is null ? policies : azurite.Client(policies, policyOptions),
            Options.Create(new CorsPolicyOptions { TableName = policies.Name, PartitionKey = PolicySet }));
        return new Tables(policies, auditTable, new PolicyWritePipeline(store, audit, TimeProvider.System, _log), audit);
    }

    private static async Task<PolicyAuditHistory> HistoryAsync(Tables tables, string id = "items", int rowVersion = 0) =>
        PolicyAuditChain.Verify(id, await tables.Audit.ReadRowsAsync(id, CancellationToken.None), rowVersion);

    [Fact]
    public async Task Every_write_appends_one_chained_version_with_before_after_etags_and_who()
    {
        var tables = await CreateAsync();

        var created = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = 60 }, WriteCondition.None, Operator, CancellationToken.None);
        var replaced = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = 120 }, new WriteCondition(created.ETag, false), Operator, CancellationToken.None);
        var deleted = await tables.Pipeline.DeleteAsync("items", replaced.ETag, Operator, CancellationToken.None);

        Assert.Equal([PolicyWriteStatus.Written, PolicyWriteStatus.Written, PolicyWriteStatus.Written], [created.Status, replaced.Status, deleted.Status]);
        var history = await HistoryAsync(tables);
        Assert.True(history.Verified, string.Join("; ", history.Problems));
        Assert.Equal(1, history.ChainedFrom);
        var entries = history.Entries;
        Assert.Equal([1, 2, 3], entries.Select(e => e.Version));
        Assert.Equal([PolicyAuditAction.Put, PolicyAuditAction.Put, PolicyAuditAction.Delete], entries.Select(e => e.Action));
        Assert.Null(entries[0].Before);
        Assert.Equal(60, entries[0].After!.MaxAgeSeconds);
        Assert.Equal((created.ETag.ToString(), replaced.ETag.ToString()), (entries[1].BeforeETag, entries[1].AfterETag));
        Assert.Equal(120, entries[2].Before!.MaxAgeSeconds);
        Assert.Null(entries[2].After);
        Assert.All(entries, e => Assert.Equal(Operator, e.Writer));
        Assert.Equal([null, entries[0].Hash, entries[1].Hash], entries.Select(e => e.PreviousHash));
        Assert.False((await tables.Policies.GetEntityIfExistsAsync<TableEntity>(PolicySet, "items")).HasValue);
    }

    [Fact]
    public async Task Turning_debug_mode_on_and_off_is_audited_like_any_field()
    {
        var tables = await CreateAsync();

        var created = await tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None);
        var on = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { Debug = true }, new WriteCondition(created.ETag, false), Operator, CancellationToken.None);
        await tables.Pipeline.SaveAsync(TestPolicies.Items(), new WriteCondition(on.ETag, false), Operator, CancellationToken.None);

        var history = await HistoryAsync(tables);
        Assert.True(history.Verified, string.Join("; ", history.Problems));
        var (turnedOn, turnedOff) = (history.Entries[1], history.Entries[2]);
        Assert.Equal((false, true), (turnedOn.Before!.Debug, turnedOn.After!.Debug));
        Assert.Equal((true, false), (turnedOff.Before!.Debug, turnedOff.After!.Debug));
        Assert.Equal(["Debug"], PolicyDefinitionFields.Differences(turnedOn.Before, turnedOn.After));
        Assert.True((await tables.Policies.GetEntityAsync<TableEntity>(PolicySet, "items")).Value.GetBoolean("Debug") is false);
    }

    [Fact]
    public async Task The_policy_row_stores_the_audit_version_of_its_last_write()
    {
        var tables = await CreateAsync();
        var first = await tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None);
        await tables.Pipeline.SaveAsync(TestPolicies.Items() with { Description = "v2" }, new WriteCondition(first.ETag, false), Operator, CancellationToken.None);

        var row = (await tables.Policies.GetEntityAsync<TableEntity>(PolicySet, "items")).Value;

        Assert.Equal(2, row.GetInt32(PolicyEntityMapper.AuditVersionProperty));
    }

    [Fact]
    public async Task A_refused_write_records_nothing()
    {
        var tables = await CreateAsync();

        var invalid = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { AllowedOrigins = [] }, WriteCondition.None, Operator, CancellationToken.None);
        var stale = await tables.Pipeline.SaveAsync(TestPolicies.Items(), new WriteCondition(new ETag("W/\"stale\""), false), Operator, CancellationToken.None);

        Assert.Equal((PolicyWriteStatus.Invalid, PolicyWriteStatus.PreconditionFailed), (invalid.Status, stale.Status));
        Assert.Empty(await tables.AuditTable.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_policy_too_large_for_one_property_round_trips_through_the_audit_log()
    {
        var tables = await CreateAsync();
        // Each list fits a table property (32K characters), the definition's JSON does not: it is split.
        var large = TestPolicies.Items() with
        {
            AllowedOrigins = [.. Enumerable.Range(0, 1000).Select(i => $"https://app{i}.example.com")],
            AllowedHeaders = [.. Enumerable.Range(0, 800).Select(i => $"X-Header-Name-{i}")],
        };

        var result = await tables.Pipeline.SaveAsync(large, WriteCondition.None, Operator, CancellationToken.None);

        Assert.Equal(PolicyWriteStatus.Written, result.Status);
        var history = await HistoryAsync(tables);
        Assert.True(history.Verified, string.Join("; ", history.Problems));
        Assert.Equal(large.AllowedOrigins, history.Entries[0].After!.AllowedOrigins);
        Assert.Equal(large.AllowedHeaders, history.Entries[0].After!.AllowedHeaders);
        Assert.True((await tables.AuditTable.QueryAsync<TableEntity>().SingleAsync()).ContainsKey("After_1"));
    }

    [Fact]
    public async Task A_largest_policy_full_of_characters_json_would_escape_is_stored_and_audited_within_one_entity()
    {
        var tables = await CreateAsync();
        // Each list as long as a property holds, in characters the default JSON encoder writes as six ('+', '&', '<', '\''),
        // and a description in non-ASCII: the audit row holds this definition before and after the write.
        static string[] Fill(int length, Func<int, string> entry) => [.. Enumerable.Range(0, length / (entry(0).Length + 2)).Select(entry)];
        var definition = TestPolicies.Items() with
        {
            Routes = Fill(PolicyRowLimits.MaxStringLength, i => $"/api/{i:D5}/+&<'+&<'+&<'"),
            AllowedHeaders = Fill(PolicyRowLimits.MaxStringLength, i => $"X-{i:D5}-+&'+&'+&'+&'+&'+&'"),
            ExposedHeaders = Fill(PolicyRowLimits.MaxStringLength, i => $"X-{i:D5}-+&'+&'+&'+&'+&'+&'"),
            AllowedMethods = Fill(PolicyRowLimits.MaxStringLength, i => $"M{i:D5}+&'+&'+&'+&'+&'+&'+&'"),
            Description = new string('\u00e9', 1024),
        };
        Assert.Empty(PolicyWritePipeline.Validate(definition));

        var first = await tables.Pipeline.SaveAsync(definition, WriteCondition.None, Operator, CancellationToken.None);
        var second = await tables.Pipeline.SaveAsync(definition with { Description = new string('\u00e8', 1024) }, new WriteCondition(first.ETag, false), Operator,
            CancellationToken.None);

        Assert.Equal((PolicyWriteStatus.Written, PolicyWriteStatus.Written), (first.Status, second.Status));
        Assert.NotNull(second.Audit);
        var rows = await tables.AuditTable.QueryAsync<TableEntity>().ToListAsync();
        Assert.All(rows, row => Assert.InRange(TableEntitySize.Of(row), 0, TableEntitySize.MaxBytes));
        Assert.True((await HistoryAsync(tables)).Verified);
    }

    [Fact]
    public async Task Concurrent_writers_get_versions_in_the_order_their_writes_happened()
    {
        // Audit appends slowed down at random, so a later write's append often overtakes an earlier one's.
        var random = new Random(20);
        var hook = new RequestHook(onRequest: message => message.Request.Method == RequestMethod.Post
            ? Task.Delay(random.Next(0, 120))
            : Task.CompletedTask);
        var options = new TableClientOptions();
        options.AddPolicy(hook, HttpPipelinePosition.PerCall);
        var tables = await CreateAsync(auditOptions: options);
        await tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None);
        const int Writers = 6, WritesEach = 4;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var write = 0; write < WritesEach;)
            {
                // No If-Match: each write is conditional on the row it read, and a writer that lost the race reads again.
                var result = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { Description = $"{writer}/{write}" }, WriteCondition.None,
                    Operator with { Name = $"writer {writer}" }, CancellationToken.None);
                write += result.Status == PolicyWriteStatus.Written ? 1 : 0;
            }
        })));

        var history = await HistoryAsync(tables);
        Assert.True(history.Verified, string.Join("; ", history.Problems));
        Assert.Equal(Enumerable.Range(1, 1 + (Writers * WritesEach)), history.Entries.Select(e => e.Version));
        Assert.All(history.Entries.Skip(1).Zip(history.Entries), pair => Assert.Equal(pair.Second.AfterETag, pair.First.BeforeETag));
        Assert.Empty(history.UnrecordedChangesBefore);
        var row = (await tables.Policies.GetEntityAsync<TableEntity>(PolicySet, "items")).Value;
        Assert.Equal(history.Entries[^1].AfterETag, row.ETag.ToString());
    }

    [Fact]
    public async Task A_write_cancelled_once_its_row_is_written_is_still_recorded_and_logged()
    {
        using var caller = new CancellationTokenSource();
        // The caller goes away (client disconnect, shutdown, Ctrl+C) the moment the row write is answered.
        var hook = new RequestHook(onResponse: message =>
        {
            if (message.Request.Method == RequestMethod.Post && message.Response.Status is 201 or 204)
            {
                caller.Cancel();
            }
        });
        var options = new TableClientOptions();
        options.AddPolicy(hook, HttpPipelinePosition.PerCall);
        var tables = await CreateAsync(policyOptions: options);

        var result = await tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, caller.Token);

        Assert.True(caller.IsCancellationRequested);
        Assert.Equal(PolicyWriteStatus.Written, result.Status);
        Assert.Equal(1, result.Audit?.Version);
        Assert.Equal([1], (await HistoryAsync(tables)).Entries.Select(e => e.Version));
        Assert.Contains(_log.Collector.GetSnapshot(), record => record.Id.Id == 2010);
    }

    [Fact]
    public async Task A_foreign_row_in_an_audit_partition_is_skipped_and_reported_never_fatal()
    {
        var tables = await CreateAsync();
        var first = await tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None);
        await tables.AuditTable.AddEntityAsync(new TableEntity($"{PolicySet}~items", "notes") { ["Text"] = "reviewed by the security team" });

        var second = await tables.Pipeline.SaveAsync(TestPolicies.Items() with { Description = "v2" }, new WriteCondition(first.ETag, false), Operator,
            CancellationToken.None);

        Assert.Equal(PolicyWriteStatus.Written, second.Status);
        Assert.Equal(2, second.Audit?.Version);
        var history = await HistoryAsync(tables);
        Assert.Equal([1, 2], history.Entries.Select(e => e.Version));
        var problem = Assert.Single(history.Problems);
        Assert.Equal(("notes", (int?)null), (problem.RowKey, problem.Version));
        Assert.Null(history.FirstBreak);
    }

    [Fact]
    public async Task An_entry_changed_in_the_table_breaks_the_chain_there_and_rollback_to_it_is_refused()
    {
        var tables = await CreateAsync();
        var etag = (ETag?)null;
        foreach (var maxAge in new[] { 60, 120, 180 })
        {
            etag = (await tables.Pipeline.SaveAsync(TestPolicies.Items() with { MaxAgeSeconds = maxAge }, new WriteCondition(etag, etag is null), Operator,
                CancellationToken.None)).ETag;
        }

        // Someone with the storage key widens what version 2 says it wrote.
        var row = (await tables.AuditTable.GetEntityAsync<TableEntity>($"{PolicySet}~items", PolicyAuditRow.RowKeyOf(2))).Value;
        row["After"] = ((string)row["After"]).Replace(TestPolicies.TrustedOrigin, "https://evil.example", StringComparison.Ordinal);
        await tables.AuditTable.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var history = await HistoryAsync(tables);
        var rollback = await tables.Pipeline.RollbackAsync("items", 2, WriteCondition.None, Operator, CancellationToken.None);

        Assert.False(history.Verified);
        Assert.Equal(2, history.FirstBreak?.Version);
        Assert.Contains("its own hash", history.FirstBreak!.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyWriteStatus.ChainBroken, rollback.Status);
        Assert.Equal(3, (await HistoryAsync(tables)).Entries.Count);
    }

    [Fact]
    public async Task Policy_sets_have_separate_histories()
    {
        var auditTable = await azurite.CreateTableAsync();
        var entry = new PolicyAuditEntry("items", 1, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Operator, null, TestPolicies.Items(), null, "W/\"1\"");
        await new PolicyAuditLog(auditTable, "one", TimeProvider.System, NullLogger<PolicyAuditLog>.Instance).AppendAsync(entry, CancellationToken.None);

        Assert.Empty(await new PolicyAuditLog(auditTable, "two", TimeProvider.System, NullLogger<PolicyAuditLog>.Instance)
            .ReadRowsAsync("items", CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_policy_table_is_a_store_failure_the_api_can_name_and_nothing_is_recorded()
    {
        var tables = await CreateAsync();
        await tables.Policies.DeleteAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None));

        Assert.Equal(StoreFailureKind.TableMissing, StoreFailures.Classify(failure, CancellationToken.None));
        Assert.Equal(tables.Policies.Name, StoreFailures.TableOf(failure));
        Assert.Empty(await tables.AuditTable.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_missing_audit_table_refuses_the_write_before_anything_is_written_and_is_named()
    {
        var tables = await CreateAsync();
        await tables.AuditTable.DeleteAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => tables.Pipeline.SaveAsync(TestPolicies.Items(), WriteCondition.None, Operator, CancellationToken.None));

        Assert.Equal(StoreFailureKind.TableMissing, StoreFailures.Classify(failure, CancellationToken.None));
        Assert.Equal(tables.AuditTable.Name, StoreFailures.TableOf(failure));
        Assert.Empty(await tables.Policies.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_failure_of_the_audit_table_while_reading_history_names_the_audit_table()
    {
        var tables = await CreateAsync();
        await tables.AuditTable.DeleteAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => tables.Audit.ReadRowsAsync("items", CancellationToken.None));

        Assert.Equal(StoreFailureKind.TableMissing, StoreFailures.Classify(failure, CancellationToken.None));
        Assert.Equal(tables.AuditTable.Name, StoreFailures.TableOf(failure));
    }
}
