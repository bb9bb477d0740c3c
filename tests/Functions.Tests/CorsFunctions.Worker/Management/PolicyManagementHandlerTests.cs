using System.Text;
using System.Text.Json;
using Azure;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Functions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
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

    private readonly Mock<IPolicyStore> _store = new();
    private readonly Mock<IPolicySnapshotRefresher> _refresher = new();
    private readonly PolicyManagementHandler _handler;

    public PolicyManagementHandlerTests() =>
        _handler = new PolicyManagementHandler(_store.Object, _refresher.Object, NullLogger<PolicyManagementHandler>.Instance);

    private static MemoryStream Body(string json) => new(Encoding.UTF8.GetBytes(json));

    private static JsonElement Json(ManagementResult result) => JsonSerializer.SerializeToElement(result.Body, result.Body!.GetType(), ManagementJson.Options);

    private void SaveReturns(WriteResult result) =>
        _store.Setup(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), It.IsAny<WriteCondition>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);

    private Task<ManagementResult> PutAsync(string body, string? ifMatch = null, string? ifNoneMatch = null, string id = "items") =>
        _handler.PutAsync(id, Body(body), ifMatch, ifNoneMatch, CancellationToken.None);

    private void AssertNothingWritten()
    {
        _store.Verify(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), It.IsAny<WriteCondition>(), It.IsAny<CancellationToken>()), Times.Never);
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Put_of_a_valid_policy_writes_it_refreshes_the_snapshot_and_returns_the_new_etag()
    {
        SaveReturns(new WriteResult(WriteOutcome.Done, new ETag("W/\"2\"")));

        var result = await PutAsync(ValidBody);

        Assert.Equal(200, result.Status);
        Assert.Equal("W/\"2\"", result.ETag);
        Assert.Equal("items", Json(result).GetProperty("id").GetString());
        _store.Verify(s => s.SaveAsync(It.Is<CorsPolicyDefinition>(d => d.Id == "items" && d.MaxAgeSeconds == 600 && d.Enabled
            && d.AllowedHeaders.SequenceEqual(new[] { "X-Auth-Token", "Content-Type" })), WriteCondition.None, It.IsAny<CancellationToken>()), Times.Once);
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), Times.Once);
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
    [InlineData("""{ "mode": "report-only" }""")]
    [InlineData("""{ "mode": 1 }""")]
    public async Task Malformed_json_answers_400_problem_never_an_exception(string body)
    {
        var result = await PutAsync(body);

        Assert.Equal(400, result.Status);
        Assert.True(result.IsProblem);
        AssertNothingWritten();
    }

    [Theory]
    [InlineData("reportOnly", PolicyMode.ReportOnly)]
    [InlineData("ReportOnly", PolicyMode.ReportOnly)]
    [InlineData("enforce", PolicyMode.Enforce)]
    public async Task Mode_is_read_from_json_and_written_back_in_its_one_spelling(string text, PolicyMode expected)
    {
        CorsPolicyDefinition? saved = null;
        _store.Setup(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), It.IsAny<WriteCondition>(), It.IsAny<CancellationToken>()))
            .Callback<CorsPolicyDefinition, WriteCondition, CancellationToken>((d, _, _) => saved = d)
            .ReturnsAsync(new WriteResult(WriteOutcome.Done, new Azure.ETag("W/\"1\"")));

        var result = await PutAsync(ValidBody.Replace("\"maxAgeSeconds\"", $"\"mode\": \"{text}\", \"maxAgeSeconds\"", StringComparison.Ordinal));

        Assert.Equal(200, result.Status);
        Assert.Equal(expected, saved!.Mode);
        Assert.Equal(expected == PolicyMode.ReportOnly ? "reportOnly" : "enforce", Json(result).GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Oversized_body_answers_400_problem()
    {
        var result = await PutAsync(new string(' ', ManagementJson.MaxBodyBytes + 1));

        Assert.Equal(400, result.Status);
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
        SaveReturns(new WriteResult(WriteOutcome.Done, new ETag("W/\"2\"")));
        var read = PolicyDocument.From(TestPolicies.Items(), "W/\"1\"", [new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "abc", "old error")]);

        var result = await PutAsync(JsonSerializer.Serialize(read, ManagementJson.Options));

        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task Put_with_if_match_passes_the_etag_and_a_stale_etag_answers_412()
    {
        SaveReturns(new WriteResult(WriteOutcome.PreconditionFailed));

        var result = await PutAsync(ValidBody, ifMatch: "W/\"1\"");

        Assert.Equal(412, result.Status);
        _store.Verify(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), new WriteCondition(new ETag("W/\"1\""), false), It.IsAny<CancellationToken>()));
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Put_with_if_none_match_star_is_create_only()
    {
        SaveReturns(new WriteResult(WriteOutcome.PreconditionFailed));

        var result = await PutAsync(ValidBody, ifNoneMatch: "*");

        Assert.Equal(412, result.Status);
        _store.Verify(s => s.SaveAsync(It.IsAny<CorsPolicyDefinition>(), new WriteCondition(null, true), It.IsAny<CancellationToken>()));
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
        _store.Setup(s => s.GetAsync("items", It.IsAny<CancellationToken>())).ReturnsAsync(TestPolicies.Stored(TestPolicies.Items(), "W/\"7\""));

        var result = await _handler.GetAsync("items", CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal("W/\"7\"", result.ETag);
        var json = Json(result);
        Assert.Equal("https://trusted.example.com", json.GetProperty("allowedOrigins")[0].GetString());
        Assert.False(json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Get_of_an_unknown_policy_answers_404_problem()
    {
        var result = await _handler.GetAsync("missing", CancellationToken.None);

        Assert.Equal(404, result.Status);
        Assert.True(result.IsProblem);
    }

    [Fact]
    public async Task List_returns_every_policy_ordered_by_id_with_the_errors_of_invalid_ones()
    {
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            TestPolicies.Stored(TestPolicies.Items("zeta")),
            TestPolicies.Stored(TestPolicies.Items("alpha"), "W/\"1\"", new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "abc", "must be an Int32.")),
        ]);

        var json = Json(await _handler.ListAsync(CancellationToken.None)).GetProperty("policies");

        Assert.Equal(["alpha", "zeta"], json.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("maxAgeSeconds", json[0].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.False(json[1].TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData((int)WriteOutcome.Done, 204)]
    [InlineData((int)WriteOutcome.NotFound, 404)]
    [InlineData((int)WriteOutcome.PreconditionFailed, 412)]
    public async Task Delete_answers_by_outcome_and_refreshes_only_after_a_delete(int outcomeValue, int status)
    {
        var outcome = (WriteOutcome)outcomeValue;
        _store.Setup(s => s.DeleteAsync("items", new ETag("W/\"1\""), It.IsAny<CancellationToken>())).ReturnsAsync(new WriteResult(outcome));

        var result = await _handler.DeleteAsync("items", "W/\"1\"", CancellationToken.None);

        Assert.Equal(status, result.Status);
        _refresher.Verify(r => r.RefreshAsync(It.IsAny<CancellationToken>()), outcome == WriteOutcome.Done ? Times.Once() : Times.Never());
    }
}
