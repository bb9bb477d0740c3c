using CorsFunctions.Core.Policies;
using static CorsFunctions.Core.Tests.Support.Definitions;

namespace CorsFunctions.Core.Tests.Policies;

/// <summary>What the compiler does with a definition as a whole: every error at once, duplicates, id and routes.</summary>
public class PolicyCompilerTests
{
    [Fact]
    public void A_valid_definition_compiles_into_a_policy_with_its_id_routes_and_definition()
    {
        var definition = Valid with { Routes = ["/api/items", "/api/items/*"] };

        var compilation = PolicyCompiler.Compile(definition);

        Assert.True(compilation.Succeeded);
        Assert.Empty(compilation.Errors);
        Assert.Same(definition, compilation.Policy!.Definition);
        Assert.Equal(definition.Id, compilation.Policy.Id);
        Assert.Equal(["/api/items", "/api/items/*"], compilation.Policy.Routes.Select(r => r.Text));
    }

    [Fact]
    public void Every_validation_error_is_listed_at_once_naming_field_and_value()
    {
        var definition = Valid with
        {
            AllowedOrigins = ["https://app.example.com/", "https://a.*.com"],
            AllowedMethods = ["TRACE"],
            AllowedHeaders = ["Cookie"],
            MaxAgeSeconds = -5,
        };

        var errors = Refuse(definition);

        Assert.Equal(
            [
                ("AllowedOrigins", "https://app.example.com/"),
                ("AllowedOrigins", "https://a.*.com"),
                ("AllowedMethods", "TRACE"),
                ("AllowedHeaders", "Cookie"),
                ("MaxAgeSeconds", "-5"),
            ],
            errors.Select(e => (e.Field, e.Value)));
        Assert.All(errors, e => Assert.Contains($"'{e.Value}'", e.ToString(), StringComparison.Ordinal));
        Assert.All(errors, e => Assert.EndsWith($"[{e.Code}]", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_in_id_routes_origins_methods_headers_exposed_headers_and_max_age_are_all_reported()
    {
        var errors = Refuse(new CorsPolicyDefinition
        {
            Id = "bad id",
            Routes = ["api"],
            AllowedOrigins = [],
            AllowedMethods = ["CONNECT"],
            AllowedHeaders = ["Host"],
            ExposedHeaders = ["X Bad"],
            MaxAgeSeconds = 90000,
        });

        Assert.Equal(
            ["Id", "Routes", "AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposedHeaders", "MaxAgeSeconds"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Read_errors_from_storage_are_reported_with_the_validation_errors()
    {
        var readError = new PolicyError(PolicyErrorCodes.StoredWrongType, "MaxAgeSeconds", "ten", "is not a whole number.");

        var compilation = PolicyCompiler.Compile(Valid with { AllowedMethods = ["TRACK"] }, [readError]);

        Assert.False(compilation.Succeeded);
        Assert.Equal([readError, compilation.Errors[1]], compilation.Errors);
        Assert.Equal(("AllowedMethods", "TRACK"), (compilation.Errors[1].Field, compilation.Errors[1].Value));
    }

    [Fact]
    public void A_read_error_alone_makes_a_valid_definition_invalid() =>
        Assert.False(PolicyCompiler.Compile(Valid, [new PolicyError(PolicyErrorCodes.StoredWrongType, "AllowCredentials", "yes", "is not a boolean.")]).Succeeded);

    [Fact]
    public void PolicyRule13_duplicate_entries_are_collapsed_not_refused()
    {
        var policy = Compile(Valid with
        {
            Routes = ["/api", "/API/"],
            AllowedOrigins = [AppOrigin, "https://APP.example.com:443", AppOrigin],
            AllowedMethods = ["PUT", "put", "PUT", "delete", "DELETE"],
            AllowedHeaders = ["X-Auth", "x-auth", "X-AUTH"],
            ExposedHeaders = ["X-Total", "x-total"],
        });

        var preflight = policy.EvaluatePreflight(AppOrigin, "PUT", "x-auth");
        Assert.Equal("PUT, DELETE", preflight.AllowMethods);
        Assert.Equal("X-Auth", preflight.AllowHeaders);
        Assert.Equal("X-Total", policy.EvaluateActualRequest(AppOrigin).ExposeHeaders);
        Assert.Equal(["/api"], policy.Routes.Select(r => r.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/id")]
    [InlineData("\u00e9t\u00e9")]
    public void An_id_that_is_not_a_table_row_key_is_refused(string id) =>
        AssertRefused(Valid with { Id = id }, "Id", id.Length == 0 ? null : id);

    [Fact]
    public void An_id_longer_than_the_limit_is_refused()
    {
        var id = new string('a', PolicyCompiler.MaxIdLength + 1);

        AssertRefused(Valid with { Id = id }, "Id", id);
        Compile(Valid with { Id = id[1..] });
    }

    [Fact]
    public void A_definition_without_routes_is_refused() =>
        AssertRefused(Valid with { Routes = [] }, "Routes", null);

    [Fact]
    public void Unreadable_routes_are_refused_and_readable_ones_kept_for_failing_closed()
    {
        var compilation = PolicyCompiler.Compile(Valid with { Routes = ["/api/items", "no-slash", "/a/**/b"] });

        Assert.False(compilation.Succeeded);
        Assert.Equal(["no-slash", "/a/**/b"], compilation.Errors.Select(e => e.Value));
        Assert.Equal(["/api/items"], compilation.Routes.Select(r => r.Text));
    }

    [Fact]
    public void Invalid_fields_keep_the_readable_routes()
    {
        var compilation = PolicyCompiler.Compile(Valid with { Routes = ["/api/**"], AllowedOrigins = [] });

        Assert.False(compilation.Succeeded);
        Assert.Equal(["/api/**"], compilation.Routes.Select(r => r.Text));
    }

    [Fact]
    public void A_definition_and_its_read_errors_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => PolicyCompiler.Compile(null!));
        Assert.Throws<ArgumentNullException>(() => PolicyCompiler.Compile(Valid, null!));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("items-v2_new.1", true)]
    [InlineData("items/1", false)]
    public void An_id_is_one_or_more_url_and_row_key_safe_characters(string id, bool valid) =>
        Assert.Equal(valid, PolicyCompiler.IsValidId(id));

    [Fact]
    public void An_undefined_mode_is_refused_naming_the_two_modes()
    {
        var error = AssertRefused(Valid with { Mode = (PolicyMode)7 }, nameof(CorsPolicyDefinition.Mode), "7");

        Assert.Equal("must be enforce or reportOnly.", error.Message);
    }
}
