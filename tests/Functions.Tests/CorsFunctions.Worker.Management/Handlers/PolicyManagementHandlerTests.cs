using System.Text;
using System.Text.Json;
using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Management.Handlers;
using CorsFunctions.Worker.Management.Http;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Worker.Policies.Audit;
using Moq;

namespace CorsFunctions.Functions.Tests.Management;

public sealed class PolicyManagementHandlerTests
{
    private const string ValidBody = """
        {
          "routes": ["/api/items", "/api/items/*"],
          "allowedOrigins": ["https://trusted.example.com"],
          "allowedMethods": ["GET", "POST"],
          "allowedHeaders": ["X-Auth-Token", "Content-Type"],
          "maxAgeSeconds": 600
        }
        """;

    private readonly ManagementHarness _api = new();

    private PolicyManagementHandler Handler => _api.Handler;

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private static JsonElement Json(ManagementResult result) => JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options);

    private Task<ManagementResult> PutAsync(string body, string? ifMatch = null, string? ifNoneMatch = null, string id = "items", bool dryRun = false) =>
        Handler.PutAsync(id, Body(body), ifMatch, ifNoneMatch, dryRun, ManagementHarness.Admin, CancellationToken.None);

    private void AssertNothingWritten(int writesBefore = 0)
    {
        Assert.Equal(writesBefore, _api.Store.Writes);
        _api.Refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    private static string ProblemType(ManagementResult result) => Json(result).GetProperty("type").GetString()!;

    [Fact]
    public async Task Put_of_a_valid_policy_writes_it_refreshes_the_snapshot_and_returns_the_new_etag()
    {
        var result = await PutAsync(ValidBody);

        Assert.Equal(200, result.Status);
        var stored = _api.Store.Rows["items"];
        Assert.Equal(stored.ETag.ToString(), result.ETag);
        Assert.Equal("items", Json(result).GetProperty("id").GetString());
        Assert.True(stored.Definition.MaxAgeSeconds == 600 && stored.Definition.Enabled);
        Assert.Equal(["X-Auth-Token", "Content-Type"], stored.Definition.AllowedHeaders);
        _api.Refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Put_of_an_invalid_policy_answers_a_validation_problem_listing_every_error_and_writes_nothing()
    {
        var result = await PutAsync("""
            {
              "routes": ["api/items"],
              "allowedOrigins": ["https://trusted.example.com/path", "*"],
              "allowCredentials": true,
              "allowedMethods": ["TRACE"],
              "maxAgeSeconds": 90000
            }
            """);

        Assert.Equal(400, result.Status);
        Assert.True(result.IsProblem);
        var problem = Json(result);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("routes", fields);
        Assert.Contains("allowedOrigins", fields);
        Assert.Contains("allowedMethods", fields);
        Assert.Contains("maxAgeSeconds", fields);
        Assert.True(fields.Count >= 5, string.Join(", ", fields));
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(
            [
                PolicyErrorCodes.RouteNotAbsolute,
                PolicyErrorCodes.OriginPathNotAllowed,
                PolicyErrorCodes.OriginAnyMixed,
                PolicyErrorCodes.OriginAnyWithCredentials,
                PolicyErrorCodes.MethodForbidden,
                PolicyErrorCodes.MaxAgeOutOfRange,
            ],
            codes);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "maxAgeSeconds": "abc" }""")]
    [InlineData("""{ "allowCredentials": "yes" }""")]
    [InlineData("""{ "allowedOrigin": ["https://typo.example.com"] }""")]
    [InlineData("""{ "routes": "/api/items" }""")]
    [InlineData("""{ "routes": [1, 2] }""")]
    [InlineData("""{ "maxAgeSeconds": 1e40 }""")]
    [InlineData("""{ "routes": ["/api/items"], "allowedOrigins": ["https://trusted.example.com"], "routes": ["/api/other"] }""")]
    [InlineData("\u0000\u00ff")]
    [InlineData("""{ "mode": "report-only" }""")]
    [InlineData("""{ "mode": 1 }""")]
    public async Task Malformed_json_answers_400_problem_never_an_exception(string body)
    {
        var result = await PutAsync(body);

        Assert.Equal(400, result.Status);
        Assert.Equal(ManagementProblems.TypePrefix + "malformed-json", ProblemType(result));
        AssertNothingWritten();
    }

    [Fact]
    public async Task Malformed_json_lists_every_error_in_jsonErrors_with_its_path_and_no_type_name()
    {
        var result = await PutAsync("""{ "routes": "/api/items", "allowedOrigins": ["https://a.example.com", 1], "maxAgeSeconds": "abc", "allowedOrigin": [] }""");

        Assert.Equal(400, result.Status);
        var problem = Json(result);
        Assert.Equal(ManagementProblems.TypePrefix + "malformed-json", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("jsonErrors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal(
        [
            ("$.routes", "must be an array of strings"),
            ("$.allowedOrigins[1]", "must be a string"),
            ("$.maxAgeSeconds", "must be a whole number from -2147483648 to 2147483647"),
        ], errors[..3]);
        Assert.Equal("$.allowedOrigin", errors[3].Item1);
        Assert.StartsWith("is not a known member", errors[3].Item2, StringComparison.Ordinal);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal("Nothing was written. Fix every error listed in 'jsonErrors' (4), each with its JSON path: $.routes must be an array of strings; ...", detail);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("reportOnly", PolicyMode.ReportOnly)]
    [InlineData("ReportOnly", PolicyMode.ReportOnly)]
    [InlineData("enforce", PolicyMode.Enforce)]
    public async Task Mode_is_read_from_json_and_written_back_in_its_one_spelling(string text, PolicyMode expected)
    {
        var result = await PutAsync(ValidBody.Replace("\"maxAgeSeconds\"", $"\"mode\": \"{text}\", \"maxAgeSeconds\"", StringComparison.Ordinal));

        Assert.Equal(200, result.Status);
        Assert.Equal(expected, _api.Store.Rows["items"].Definition.Mode);
        Assert.Equal(expected == PolicyMode.ReportOnly ? "reportOnly" : "enforce", Json(result).GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Deeply_nested_json_answers_400_problem()
    {
        var result = await PutAsync("""{ "description": """ + new string('[', 5000) + new string(']', 5000) + " }");

        Assert.Equal(400, result.Status);
        Assert.Equal(ManagementProblems.TypePrefix + "malformed-json", ProblemType(result));
        AssertNothingWritten();
    }

    [Fact]
    public async Task Oversized_body_answers_413_problem()
    {
        var result = await PutAsync(new string(' ', ManagementBody.MaxBodyBytes + 1));

        Assert.Equal(413, result.Status);
        Assert.Equal(ManagementProblems.TypePrefix + "body-too-large", ProblemType(result));
        AssertNothingWritten();
    }

    [Fact]
    public async Task Id_in_the_body_must_equal_the_id_in_the_url()
    {
        var result = await PutAsync(ValidBody.Replace("{", """{ "id": "other", """, StringComparison.Ordinal));

        Assert.Equal(400, result.Status);
        var error = Json(result).GetProperty("errors")[0];
        Assert.Equal("id", error.GetProperty("field").GetString());
        Assert.Equal(PolicyErrorCodes.IdMismatch, error.GetProperty("code").GetString());
        AssertNothingWritten();
    }

    [Fact]
    public async Task Invalid_id_in_the_url_is_a_validation_error()
    {
        var result = await PutAsync(ValidBody, id: "bad id!");

        Assert.Equal(400, result.Status);
        AssertNothingWritten();
    }

    [Fact]
    public async Task Document_read_with_get_can_be_written_back_as_it_is()
    {
        var read = PolicyDocument.From(TestPolicies.Items(), "W/\"1\"", [new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "abc", "old error")]);

        var result = await PutAsync(JsonSerializer.Serialize(read, ManagementJson.Options));

        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task Put_with_a_current_if_match_writes_and_a_stale_one_answers_412()
    {
        var current = _api.Store.Seed(TestPolicies.Items());

        var stale = await PutAsync(ValidBody, ifMatch: "W/\"stale\"");
        AssertNothingWritten();
        var fresh = await PutAsync(ValidBody, ifMatch: current.ETag.ToString());

        Assert.Equal(412, stale.Status);
        Assert.Equal(ManagementProblems.TypePrefix + "precondition-failed", ProblemType(stale));
        Assert.Equal(200, fresh.Status);
    }

    [Fact]
    public async Task Put_with_if_none_match_star_is_create_only()
    {
        _api.Store.Seed(TestPolicies.Items());

        var result = await PutAsync(ValidBody, ifNoneMatch: "*");

        Assert.Equal(412, result.Status);
        AssertNothingWritten();
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_let_exactly_one_win()
    {
        var etag = _api.Store.Seed(TestPolicies.Items()).ETag.ToString();
        var first = await PutAsync(ValidBody, ifMatch: etag);

        var second = await PutAsync(ValidBody.Replace("600", "60", StringComparison.Ordinal), ifMatch: etag);

        Assert.Equal(200, first.Status);
        Assert.Equal(412, second.Status);
        Assert.Equal(600, _api.Store.Rows["items"].Definition.MaxAgeSeconds);
        Assert.Single(_api.Audit.Entries);
    }

    [Fact]
    public async Task A_row_changed_between_the_read_and_the_write_is_not_overwritten()
    {
        _api.Store.Seed(TestPolicies.Items());
        _api.Store.BeforeWrite = () => { _api.Store.BeforeWrite = null; _api.Store.Seed(TestPolicies.Items() with { Description = "concurrent" }); };

        var result = await PutAsync(ValidBody);

        Assert.Equal(412, result.Status);
        Assert.Equal("concurrent", _api.Store.Rows["items"].Definition.Description);
        Assert.Empty(_api.Audit.Entries);
    }

    [Fact]
    public async Task Put_with_if_none_match_other_than_star_is_refused()
    {
        var result = await PutAsync(ValidBody, ifNoneMatch: "W/\"1\"");

        Assert.Equal(400, result.Status);
        AssertNothingWritten();
    }

    [Fact]
    public async Task Get_returns_the_policy_with_its_etag()
    {
        var stored = _api.Store.Seed(TestPolicies.Items());

        var result = await Handler.GetAsync("items", CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(stored.ETag.ToString(), result.ETag);
        var json = Json(result);
        Assert.Equal("https://trusted.example.com", json.GetProperty("allowedOrigins")[0].GetString());
        Assert.False(json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Get_of_an_unknown_policy_answers_404_problem()
    {
        var result = await Handler.GetAsync("missing", CancellationToken.None);

        Assert.Equal(404, result.Status);
        Assert.True(result.IsProblem);
    }

    [Fact]
    public async Task List_returns_every_policy_ordered_by_id_with_the_errors_of_invalid_ones()
    {
        var store = new Mock<IPolicyStore>();
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            TestPolicies.Stored(TestPolicies.Items("zeta")),
            TestPolicies.Stored(TestPolicies.Items("alpha"), "W/\"1\"", new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "abc", "must be an Int32.")),
        ]);
        var handler = new PolicyManagementHandler(store.Object, _api.Pipeline, _api.Refresher.Object, LintContexts.Unreadable());

        var json = Json(await handler.ListAsync(CancellationToken.None)).GetProperty("policies");

        Assert.Equal(["alpha", "zeta"], json.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("maxAgeSeconds", json[0].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.False(json[1].TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData(true, "current", 204)]
    [InlineData(false, null, 404)]
    [InlineData(false, "W/\"1\"", 412)]
    [InlineData(true, "W/\"stale\"", 412)]
    public async Task Delete_answers_by_outcome_and_refreshes_only_after_a_delete(bool exists, string? ifMatch, int status)
    {
        var etag = exists ? _api.Store.Seed(TestPolicies.Items()).ETag.ToString() : null;

        var result = await Handler.DeleteAsync("items", ifMatch == "current" ? etag : ifMatch, ManagementHarness.Admin, CancellationToken.None);

        Assert.Equal(status, result.Status);
        Assert.Equal(status != 204 && exists, _api.Store.Rows.ContainsKey("items"));
        _api.Refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), status == 204 ? Times.Once() : Times.Never());
    }
}
