using System.Xml.Linq;
using CorsFunctions.Cli.Tests.Support;
using CorsFunctions.Functions.Tests.Integration;

namespace CorsFunctions.Cli.Tests.Commands;

[Collection(AzuriteTests.Name)]
[Trait(AzuriteTests.Category, AzuriteTests.Name)]
public sealed class ExportCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static XElement Cors(string xml) => XDocument.Parse(xml).Root!.Element("inbound")!.Elements().First();

    [Fact]
    public async Task A_policy_becomes_the_first_inbound_cors_policy_with_every_allowed_value()
    {
        var file = _files.WithPolicies("""
            { "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com", "https://b.example.com"],
              "allowedMethods": ["PUT", "DELETE"], "allowedHeaders": ["X-Auth-Token"], "exposedHeaders": ["ETag"],
              "allowCredentials": true, "maxAgeSeconds": 600 }
            """);

        var result = await Tool.RunAsync("export", "--format", "apim", "--file", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var cors = Cors(result.Output);
        Assert.Equal("cors", cors.Name.LocalName);
        Assert.Equal("true", cors.Attribute("allow-credentials")!.Value);
        Assert.Equal("false", cors.Attribute("terminate-unmatched-request")!.Value);
        Assert.Equal(["https://a.example.com", "https://b.example.com"], cors.Element("allowed-origins")!.Elements("origin").Select(e => e.Value));
        Assert.Equal("600", cors.Element("allowed-methods")!.Attribute("preflight-result-max-age")!.Value);
        Assert.Equal(["GET", "HEAD", "POST", "PUT", "DELETE"], cors.Element("allowed-methods")!.Elements("method").Select(e => e.Value));
        Assert.Equal(["X-Auth-Token"], cors.Element("allowed-headers")!.Elements("header").Select(e => e.Value));
        Assert.Equal(["ETag"], cors.Element("expose-headers")!.Elements("header").Select(e => e.Value));
        Assert.Contains("items: Routes /api/items: API Management applies a policy by scope", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_API_Management_cannot_express_is_left_out_and_said_never_widened()
    {
        var file = _files.WithPolicies("""
            { "id": "wild", "routes": ["/api/w"], "allowedOrigins": ["https://*.example.com", "https://app.example.org"], "allowPrivateNetwork": true }
            """);

        var result = await Tool.RunAsync("export", "--format", "apim", "--file", file);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["https://app.example.org"], Cors(result.Output).Element("allowed-origins")!.Elements("origin").Select(e => e.Value));
        Assert.Null(Cors(result.Output).Element("allowed-headers"));
        Assert.Contains("'https://*.example.com': API Management origins are exact", result.Error, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetwork has no API Management equivalent", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxAgeSeconds is not set", result.Error, StringComparison.Ordinal);
        Assert.Contains("No AllowedHeaders", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_whose_only_origins_are_wildcards_cannot_be_exported()
    {
        var file = _files.WithPolicies("""{ "id": "wild", "routes": ["/api/w"], "allowedOrigins": ["https://*.example.com"] }""");

        var result = await Tool.RunAsync("export", "--format", "apim", "--file", file);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("none of its origins can be written", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_enforced_policy_of_the_table_gets_its_own_file_and_report_only_ones_are_skipped()
    {
        var table = CliTable.New(azurite);
        await Tool.RunAsync(["push", "--file", _files.WithPolicies(
            """{ "id": "items", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"], "allowedHeaders": ["X-A"], "maxAgeSeconds": 60 }""",
            """{ "id": "items-next", "mode": "reportOnly", "routes": ["/api/items"], "allowedOrigins": ["https://a.example.com"] }""",
            """{ "id": "public", "routes": ["/api/public/**"], "allowedOrigins": ["*"], "allowedHeaders": ["*"], "maxAgeSeconds": 60 }"""), .. table.Options]);
        var folder = Path.Combine(_files.Folder, "apim");

        var result = await Tool.RunAsync(["export", "--format", "apim", "--output-dir", folder, .. table.Options]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(["items.apim.xml", "public.apim.xml"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("items-next: skipped: report-only", result.Error, StringComparison.Ordinal);
        Assert.Equal("*", Cors(await File.ReadAllTextAsync(Path.Combine(folder, "public.apim.xml"))).Element("allowed-origins")!.Element("origin")!.Value);
    }

    [Fact]
    public async Task Several_policies_to_standard_output_is_a_usage_error()
    {
        var result = await Tool.RunAsync("export", "--format", "apim", "--file", PolicyFiles.Samples);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("name one with --policy, or give --output-dir", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_set_exports_nothing()
    {
        var file = _files.WithPolicies("""{ "id": "bad", "routes": ["/api/b"], "allowedOrigins": ["ftp://b.example.com"] }""");

        var result = await Tool.RunAsync("export", "--format", "apim", "--file", file);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("[origin.unsupported_scheme]", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("")]
    public async Task Only_the_apim_format_is_known(string format)
    {
        var result = await Tool.RunAsync("export", "--format", format, "--file", PolicyFiles.Samples);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    [Fact]
    public async Task An_unknown_policy_is_refused()
    {
        var result = await Tool.RunAsync("export", "--format", "apim", "--policy", "nope", "--file", PolicyFiles.Samples);

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.Contains("there is no policy 'nope'", result.Error, StringComparison.Ordinal);
    }
}
