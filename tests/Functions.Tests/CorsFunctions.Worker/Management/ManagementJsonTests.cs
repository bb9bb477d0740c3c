using System.Text;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Management;

namespace CorsFunctions.Functions.Tests.Management;

/// <summary>
/// How the management API's bodies and the CLI's policy files are read: every error of the document, each with its
/// JSON path and in the document's terms (never a .NET type name), then the binding of a document without errors.
/// </summary>
public sealed class ManagementJsonTests
{
    private static IReadOnlyList<string> Errors<T>(string json)
        where T : class
    {
        var (value, errors) = ManagementJson.Read<T>(Encoding.UTF8.GetBytes(json));
        Assert.Equal(errors.Count == 0, value is not null);
        return [.. errors.Select(e => e.ToString())];
    }

    [Fact]
    public void Every_error_of_a_policy_is_listed_in_document_order_with_its_path()
    {
        var errors = Errors<PolicyDocument>("""
            { "routes": "/api/items", "maxAgeSeconds": "abc", "allowCredentials": "yes", "mode": "audit",
              "allowedOrigins": ["https://a.example.com", 3, null], "enabled": null, "description": 7 }
            """);

        Assert.Equal(
        [
            "$.routes must be an array of strings",
            "$.maxAgeSeconds must be a whole number from -2147483648 to 2147483647",
            "$.allowCredentials must be true or false",
            "$.mode must be \"enforce\" or \"reportOnly\"",
            "$.allowedOrigins[1] must be a string",
            "$.description must be a string",
        ], errors);
    }

    [Fact]
    public void Every_entry_of_a_policy_file_is_walked_and_an_unknown_member_lists_the_known_ones()
    {
        var errors = Errors<PolicyListDocument>("""
            { "policies": [ { "id": "a", "routes": [1] }, { "id": "b", "origns": ["https://b.example.com"] }, null, "c" ] }
            """);

        Assert.Equal(4, errors.Count);
        Assert.Equal("$.policies[0].routes[0] must be a string", errors[0]);
        Assert.StartsWith("$.policies[1].origns is not a known member; the members are id, description, enabled, mode, routes, allowedOrigins, ", errors[1], StringComparison.Ordinal);
        Assert.Equal("$.policies[2] must be an object", errors[2]);
        Assert.Equal("$.policies[3] must be an object", errors[3]);
    }

    [Fact]
    public void A_proposed_policy_inside_a_cors_check_request_is_walked_too()
    {
        var errors = Errors<CorsCheckRequest>("""{ "path": 1, "privateNetwork": null, "headers": "x", "policy": { "id": "p", "maxAgeSeconds": 1.5 } }""");

        Assert.Equal(
        [
            "$.path must be a string",
            "$.privateNetwork must be true or false",
            "$.headers must be an array of strings",
            "$.policy.maxAgeSeconds must be a whole number from -2147483648 to 2147483647",
        ], errors);
    }

    [Theory]
    [InlineData("""{ "routes": [], "routes": [] }""", "$.routes is given more than once")]
    [InlineData("""{ "routes": [], "Routes": [] }""", "$.routes is given more than once")]
    [InlineData("""{ "maxAgeSeconds": 1e40 }""", "$.maxAgeSeconds must be a whole number from -2147483648 to 2147483647")]
    [InlineData("null", "$ must be an object")]
    [InlineData("[1, 2]", "$ must be an object")]
    [InlineData("", "$ is empty: a JSON object is expected")]
    [InlineData(" \r\n", "$ is empty: a JSON object is expected")]
    public void A_document_that_cannot_be_a_policy_is_one_error_saying_why(string json, string error)
    {
        Assert.Equal([error], Errors<PolicyDocument>(json));
    }

    [Fact]
    public void Json_that_is_not_well_formed_is_one_error_saying_where_without_quoting_it()
    {
        var error = Assert.Single(Errors<PolicyDocument>("{\n  \"description\": S3CRET }"));

        Assert.Equal("$ is not well-formed JSON at line 2, byte 18 (a syntax error, or nesting deeper than 64)", error);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_refused()
    {
        var error = Assert.Single(Errors<PolicyDocument>("""{ "description": """ + new string('[', 100) + new string(']', 100) + " }"));

        Assert.StartsWith("$ is not well-formed JSON at line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_name_the_client_chose_is_bounded_and_printable()
    {
        var name = "x\u0001\u00e9'" + new string('a', 1000);

        var error = Assert.Single(Errors<PolicyDocument>($$"""{ "{{name.Replace("\u0001", "\\u0001", StringComparison.Ordinal)}}": 1 }"""));

        Assert.StartsWith("$['x??\\'aaa", error, StringComparison.Ordinal);
        Assert.Contains("...'] is not a known member", error, StringComparison.Ordinal);
        Assert.True(error.IndexOf(" is not", StringComparison.Ordinal) < 140, error);
    }

    [Theory]
    [InlineData("_x9", "$._x9")]
    [InlineData("a-b", "$['a-b']")]
    [InlineData("9a", "$['9a']")]
    [InlineData("", "$['']")]
    public void An_unknown_member_is_a_dotted_path_only_when_its_name_is_a_plain_identifier(string name, string path)
    {
        Assert.StartsWith($"{path} is not a known member", Assert.Single(Errors<PolicyDocument>($$"""{ "{{name}}": 1 }""")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_identifier_is_dotted_up_to_64_characters()
    {
        var (name64, name65) = (new string('a', 64), new string('a', 65));

        var errors = Errors<PolicyDocument>($$"""{ "{{name64}}": 1, "{{name65}}": 1 }""");

        Assert.StartsWith($"$.{name64} is not", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"$['{name65}'] is not", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_100_errors_are_listed_then_that_there_were_more()
    {
        var json = "{ " + string.Join(", ", Enumerable.Range(0, 150).Select(i => $"\"unknown{i}\": 1")) + " }";

        var errors = Errors<PolicyDocument>(json);

        Assert.Equal(JsonInputCheck.MaxErrors + 1, errors.Count);
        Assert.StartsWith("$.unknown99 is not a known member", errors[^2], StringComparison.Ordinal);
        Assert.Equal("$ has more errors than the 100 listed", errors[^1]);
    }

    [Fact]
    public void No_message_names_a_dotnet_type()
    {
        var errors = Errors<PolicyListDocument>("""
            { "policies": [ { "routes": {}, "allowedOrigins": [[]], "maxAgeSeconds": [], "mode": 1, "enabled": "x", "errors": [1], "eTag": 2 } ], "extra": 1 }
            """);

        Assert.Equal(8, errors.Count);
        Assert.All(errors, e => Assert.DoesNotMatch("System|Int32|Boolean|String|IReadOnlyList|CorsFunctions|PolicyDocument|PolicyMode", e));
    }

    [Fact]
    public void A_document_without_errors_binds_every_member_the_output_only_ones_included()
    {
        var (document, errors) = ManagementJson.Read<PolicyDocument>("""
            {
              "ID": "items", "description": null, "enabled": false, "mode": "ReportOnly", "routes": ["/api/items", null],
              "allowedOrigins": ["https://a.example.com"], "allowedMethods": [], "allowedHeaders": ["X-A"], "exposedHeaders": ["X-B"],
              "allowCredentials": true, "maxAgeSeconds": 600, "allowPrivateNetwork": true, "allowNullOrigin": false,
              "dangerouslyAllowInsecureOrigins": false, "dangerouslyAllowPublicSuffixWildcards": false,
              "eTag": "W/\"1\"", "errors": [ { "code": "c", "field": "f", "value": null, "message": "m" } ]
            }
            """u8.ToArray());

        Assert.Empty(errors);
        Assert.Equal(("items", false, PolicyMode.ReportOnly, 600), (document!.Id, document.Enabled, document.Mode, document.MaxAgeSeconds));
        Assert.Equal(["/api/items", ""], document.ToDefinition("items").Routes);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var (document, errors) = ManagementJson.Read<PolicyDocument>((byte[])[0xEF, 0xBB, 0xBF, .. """{ "id": "a" }"""u8]);

        Assert.Empty(errors);
        Assert.Equal("a", document!.Id);
    }
}
