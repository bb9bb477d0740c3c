using System.Text;
using System.Text.Json;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies.Audit;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class PolicyHistoryAndRollbackTests
{
    private readonly ManagementHarness _api = new();

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private static JsonElement Json(ManagementResult result) => JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options);

    private Task<ManagementResult> PutAsync(int maxAge) => _api.Handler.PutAsync("items", Body($$"""
        { "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"], "maxAgeSeconds": {{maxAge}} }
        """), null, null, false, ManagementHarness.Admin, CancellationToken.None);

    [Fact]
    public async Task History_lists_every_write_with_who_before_after_and_etags()
    {
        var created = await PutAsync(60);
        var replaced = await PutAsync(120);
        await _api.Handler.DeleteAsync("items", null, ManagementHarness.Admin, CancellationToken.None);

        var versions = Json(await _api.Handler.HistoryAsync("items", CancellationToken.None)).GetProperty("versions");

        Assert.Equal([1, 2, 3], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["Put", "Put", "Delete"], versions.EnumerateArray().Select(v => v.GetProperty("action").GetString()));
        Assert.False(versions[0].TryGetProperty("before", out _));
        Assert.Equal(60, versions[0].GetProperty("after").GetProperty("maxAgeSeconds").GetInt32());
        Assert.Equal(created.ETag, versions[1].GetProperty("beforeETag").GetString());
        Assert.Equal(replaced.ETag, versions[1].GetProperty("afterETag").GetString());
        Assert.Equal(120, versions[2].GetProperty("before").GetProperty("maxAgeSeconds").GetInt32());
        Assert.False(versions[2].TryGetProperty("after", out _));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("master", v.GetProperty("by").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task History_of_an_unknown_policy_is_404()
    {
        var result = await _api.Handler.HistoryAsync("missing", CancellationToken.None);

        Assert.Equal(404, result.Status);
    }

    [Fact]
    public async Task Rollback_restores_an_earlier_definition_as_a_new_audited_version()
    {
        await PutAsync(60);
        var current = await PutAsync(120);

        var result = await _api.Handler.RollbackAsync("items", "1", current.ETag, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(60, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
        var entry = _api.Audit.Entries[^1];
        Assert.Equal((3, PolicyAuditAction.Rollback, 1), (entry.Version, entry.Action, entry.RestoredVersion));
        Assert.Equal(120, entry.Before!.MaxAgeSeconds);
    }

    [Fact]
    public async Task Rollback_with_a_stale_etag_writes_nothing()
    {
        var first = await PutAsync(60);
        await PutAsync(120);

        var result = await _api.Handler.RollbackAsync("items", "1", first.ETag, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(412, result.Status);
        Assert.Equal(120, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
        Assert.Equal(2, _api.Audit.Entries.Count);
    }

    [Theory]
    [InlineData(null, 400, "bad-request")]
    [InlineData("abc", 400, "bad-request")]
    [InlineData("0", 400, "bad-request")]
    [InlineData("-1", 400, "bad-request")]
    [InlineData("9", 404, "version-not-found")]
    [InlineData("2", 409, "version-not-restorable")]
    public async Task Rollback_to_a_missing_unreadable_or_deleting_version_is_refused(string? version, int status, string type)
    {
        await PutAsync(60);
        await _api.Handler.DeleteAsync("items", null, ManagementHarness.Admin, CancellationToken.None);

        var result = await _api.Handler.RollbackAsync("items", version, null, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(status, result.Status);
        Assert.Equal(ManagementProblems.TypePrefix + type, Json(result).GetProperty("type").GetString());
        Assert.False(_api.Store.Rows.ContainsKey("items"));
    }

    [Fact]
    public async Task Rollback_to_the_version_before_a_delete_recreates_the_policy()
    {
        await PutAsync(60);
        await _api.Handler.DeleteAsync("items", null, ManagementHarness.Admin, CancellationToken.None);

        var result = await _api.Handler.RollbackAsync("items", "1", null, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(60, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
    }

    [Fact]
    public async Task A_write_whose_audit_append_fails_after_the_row_is_written_stands_and_is_not_reported_as_failed()
    {
        _api.Audit.AppendFailure = new Azure.RequestFailedException(503, "busy");

        var result = await PutAsync(60);

        Assert.Equal(200, result.Status);
        Assert.Equal(60, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
    }

    [Fact]
    public async Task An_audit_table_that_cannot_be_read_refuses_the_write_before_anything_is_written()
    {
        _api.Audit.Failure = new Azure.RequestFailedException(503, "busy");

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => PutAsync(60));

        Assert.Empty(_api.Store.Rows);
    }

    [Fact]
    public async Task The_version_after_a_lost_audit_entry_is_not_reused_and_history_reports_the_gap()
    {
        await PutAsync(60);
        _api.Audit.AppendFailure = new Azure.RequestFailedException(503, "busy");
        await PutAsync(120);
        _api.Audit.AppendFailure = null;

        await PutAsync(180);

        var integrity = Json(await _api.Handler.HistoryAsync("items", CancellationToken.None)).GetProperty("integrity");
        Assert.False(integrity.GetProperty("verified").GetBoolean());
        Assert.Equal(2, integrity.GetProperty("firstBreak").GetProperty("version").GetInt32());
        Assert.Contains("missing", integrity.GetProperty("firstBreak").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_whose_caller_goes_away_once_the_row_is_written_answers_and_is_recorded()
    {
        using var caller = new CancellationTokenSource();
        _api.Store.BeforeWrite = caller.Cancel;
        _api.Refresher.Setup(r => r.RefreshAsync(It.IsAny<CancellationToken>()))
            .Returns<CancellationToken>(token => Task.FromCanceled<bool>(token));

        var result = await _api.Handler.PutAsync("items", Body("""{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"] }"""),
            null, null, false, ManagementHarness.Admin, caller.Token);

        Assert.Equal(200, result.Status);
        Assert.Equal([1], _api.Audit.Entries.Select(e => e.Version));
    }

    [Fact]
    public async Task Rollback_to_an_entry_changed_after_it_was_written_is_refused_with_the_break()
    {
        await PutAsync(60);
        await PutAsync(120);
        _api.Audit.Rows.First()["WriterName"] = "someone else";

        var result = await _api.Handler.RollbackAsync("items", "1", null, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(409, result.Status);
        var problem = Json(result);
        Assert.Equal("urn:corsfunctions:problem:audit-chain-broken", problem.GetProperty("type").GetString());
        Assert.Contains("v1: does not match its own hash", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(120, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
    }

    [Fact]
    public async Task History_says_when_the_row_was_changed_outside_the_pipeline_since_its_last_entry()
    {
        await PutAsync(60);
        var untouched = Json(await _api.Handler.HistoryAsync("items", CancellationToken.None)).GetProperty("integrity");
        _api.Store.Seed(_api.Store.Rows["items"].Definition with { AllowedOrigins = ["https://evil.example"] }, auditVersion: 1);

        var edited = Json(await _api.Handler.HistoryAsync("items", CancellationToken.None)).GetProperty("integrity");

        Assert.False(untouched.GetProperty("rowChangedSinceLastEntry").GetBoolean());
        Assert.True(edited.GetProperty("rowChangedSinceLastEntry").GetBoolean());
        Assert.True(edited.GetProperty("verified").GetBoolean());
    }
}
