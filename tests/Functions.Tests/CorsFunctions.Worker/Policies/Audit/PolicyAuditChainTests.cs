using Azure.Data.Tables;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Policies.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorsFunctions.Functions.Tests.Policies.Audit;

/// <summary>
/// What verifying a policy's audit log catches: each way someone holding the storage key could edit, remove, forge or
/// reorder entries, and what it cannot catch without an outside copy (the head).
/// </summary>
public sealed class PolicyAuditChainTests
{
    private const string Partition = "default~items";

    private static readonly PolicyWriter Operator = new(PolicyWriterKinds.Key, "master", null, PolicyWriter.ApiSource);

    private readonly InMemoryAuditTable _table = new();
    private readonly PolicyAuditLog _log;

    public PolicyAuditChainTests() =>
        _log = new PolicyAuditLog(_table, "default", TimeProvider.System, NullLogger<PolicyAuditLog>.Instance, TimeSpan.FromMilliseconds(50));

    private async Task WriteAsync(int versions)
    {
        for (var version = 1; version <= versions; version++)
        {
            var before = version == 1 ? null : TestPolicies.Items() with { MaxAgeSeconds = (version - 1) * 60 };
            await _log.AppendAsync(new PolicyAuditEntry("items", version, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch.AddMinutes(version), Operator, before,
                TestPolicies.Items() with { MaxAgeSeconds = version * 60 }, version == 1 ? null : $"W/\"{version - 1}\"", $"W/\"{version}\""), CancellationToken.None);
        }
    }

    private TableEntity Row(int version) => _table.Rows.Single(r => r.RowKey == PolicyAuditRow.RowKeyOf(version));

    private Task<PolicyAuditHistory> ReadAsync(int rowVersion = 0) => ReadAsync("items", rowVersion);

    private async Task<PolicyAuditHistory> ReadAsync(string policyId, int rowVersion) =>
        PolicyAuditChain.Verify(policyId, await _log.ReadRowsAsync(policyId, CancellationToken.None), rowVersion);

    [Fact]
    public async Task An_untouched_log_verifies_and_each_entry_names_the_hash_of_the_one_before()
    {
        await WriteAsync(3);

        var history = await ReadAsync(rowVersion: 3);

        Assert.True(history.Verified);
        Assert.Equal(1, history.ChainedFrom);
        Assert.Null(history.Entries[0].PreviousHash);
        Assert.Equal(history.Entries[0].Hash, history.Entries[1].PreviousHash);
        Assert.Equal(history.Entries[1].Hash, history.Entries[2].PreviousHash);
        Assert.All(history.Entries, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash!));
    }

    [Theory]
    [InlineData("After")]
    [InlineData("WriterName")]
    [InlineData("At")]
    [InlineData("BeforeETag")]
    public async Task A_field_changed_after_the_write_breaks_the_chain_at_that_version(string field)
    {
        await WriteAsync(3);
        var row = Row(2);
        row[field] = row[field] switch
        {
            string text => text.Replace("60", "66", StringComparison.Ordinal) + " ",
            DateTimeOffset time => time.AddSeconds(1),
            var other => other,
        };

        var history = await ReadAsync();

        Assert.False(history.Verified);
        Assert.Equal(2, history.FirstBreak?.Version);
        Assert.Contains("does not match its own hash", history.FirstBreak!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_entry_with_a_recomputed_hash_is_caught_by_the_next_entry()
    {
        await WriteAsync(3);
        var forged = Row(2);
        var widened = new PolicyAuditEntry("items", 2, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch.AddMinutes(2), Operator, null,
            TestPolicies.Items() with { AllowedOrigins = ["https://evil.example"] }, null, "W/\"2\"", PreviousHash: (string)forged["PreviousHash"]);
        _table.Remove(forged);
        _table.Put(PolicyAuditRow.ToEntity("default", widened).Entity);

        var history = await ReadAsync();

        Assert.Equal(3, history.FirstBreak?.Version);
        Assert.Contains("does not chain to version 2", history.FirstBreak!.Message, StringComparison.Ordinal);
        Assert.False(history.VerifiesThrough(2));
        Assert.True(history.VerifiesThrough(1));
    }

    [Fact]
    public async Task A_deleted_entry_is_reported_as_a_missing_version()
    {
        await WriteAsync(3);
        _table.Remove(Row(2));

        var history = await ReadAsync();

        Assert.Equal(2, history.FirstBreak?.Version);
        Assert.Contains("is missing", history.FirstBreak!.Message, StringComparison.Ordinal);
        Assert.Equal([1, 3], history.Entries.Select(e => e.Version));
    }

    [Fact]
    public async Task Removing_the_last_entries_is_caught_by_the_version_the_policy_row_holds()
    {
        await WriteAsync(3);
        _table.Remove(Row(3));

        var history = await ReadAsync(rowVersion: 3);

        Assert.Equal(3, history.FirstBreak?.Version);
        Assert.Contains("the policy row says it was last written as version 3", history.FirstBreak!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchained_row_after_a_chained_one_is_a_break()
    {
        await WriteAsync(2);
        var row = Row(2);
        row.Remove("Hash");
        row.Remove("HashFormat");

        var history = await ReadAsync();

        Assert.Equal(2, history.FirstBreak?.Version);
        Assert.Contains("has no hash although an earlier version is chained", history.FirstBreak!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_written_before_the_chain_are_pinned_by_the_first_chained_one()
    {
        // Versions 1 and 2 as an earlier release wrote them: no hash at all.
        await WriteAsync(2);
        foreach (var row in _table.Rows.ToList())
        {
            row.Remove("Hash");
            row.Remove("HashFormat");
            row.Remove("PreviousHash");
        }

        await _log.AppendAsync(new PolicyAuditEntry("items", 3, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Operator, null, TestPolicies.Items(), null, "W/\"3\""),
            CancellationToken.None);
        var before = await ReadAsync();
        Row(2)["WriterName"] = "someone else";
        var after = await ReadAsync();

        Assert.True(before.Verified);
        Assert.Equal(3, before.ChainedFrom);
        Assert.Equal(3, after.FirstBreak?.Version);
    }

    [Fact]
    public async Task A_row_changed_outside_the_pipeline_between_two_writes_is_noted_without_breaking_the_chain()
    {
        await WriteAsync(1);
        await _log.AppendAsync(new PolicyAuditEntry("items", 2, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Operator, TestPolicies.Items(),
            TestPolicies.Items(), "W/\"edited in the portal\"", "W/\"3\""), CancellationToken.None);

        var history = await ReadAsync();

        Assert.True(history.Verified);
        Assert.Equal([2], history.UnrecordedChangesBefore);
    }

    [Fact]
    public async Task An_entry_moved_to_another_policy_does_not_verify_there()
    {
        await WriteAsync(1);
        var row = Row(1);
        var moved = new TableEntity("default~orders", row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not "PartitionKey" and not "RowKey")
            {
                moved[name] = value;
            }
        }

        moved["PolicyId"] = "orders";
        _table.Put(moved);

        var history = await ReadAsync("orders", 0);

        Assert.Equal(1, history.FirstBreak?.Version);
    }

    [Fact]
    public async Task An_append_waits_for_the_version_before_it_then_chains_to_it()
    {
        // Version 2's writer got there first: version 1's append is still under way.
        var second = _log.AppendAsync(new PolicyAuditEntry("items", 2, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Operator, TestPolicies.Items(),
            TestPolicies.Items(), "W/\"1\"", "W/\"2\""), CancellationToken.None);
        await WriteAsync(1);
        await second;

        var history = await ReadAsync();

        Assert.True(history.Verified, string.Join("; ", history.Problems));
    }

    [Fact]
    public async Task A_taken_version_moves_the_entry_to_the_next_free_one()
    {
        await WriteAsync(2);

        var stored = await _log.AppendAsync(new PolicyAuditEntry("items", 2, PolicyAuditAction.Put, DateTimeOffset.UnixEpoch, Operator, TestPolicies.Items(),
            TestPolicies.Items(), "W/\"2\"", "W/\"3\""), CancellationToken.None);

        Assert.Equal(3, stored.Version);
        Assert.True((await ReadAsync()).Verified);
    }

    [Fact]
    public async Task A_foreign_row_is_listed_but_does_not_break_the_chain()
    {
        await WriteAsync(1);
        _table.Put(new TableEntity(Partition, "comment") { ["Text"] = "looks fine" });

        var history = await ReadAsync();

        Assert.False(history.Verified);
        Assert.Null(history.FirstBreak);
        Assert.True(history.VerifiesThrough(1));
        Assert.Equal(1, await _log.LastVersionAsync("items", CancellationToken.None));
    }
}
