using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;
using CorsFunctions.Functions.Tests.TestSupport;

namespace CorsFunctions.Functions.Tests.Policies;

public sealed class PolicyEntityMapperTests
{
    private static TableEntity Row(params (string Name, object? Value)[] properties)
    {
        var entity = new TableEntity("default", "items");
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    [Fact]
    public void Typed_row_reads_into_the_definition_with_the_row_key_as_id()
    {
        var stored = PolicyEntityMapper.Read(Row(
            ("Routes", "/api/items, /api/items/*"), ("AllowedOrigins", "https://trusted.example.com"),
            ("AllowedMethods", "GET,POST"), ("AllowedHeaders", " X-Auth-Token , Content-Type ,"), ("ExposedHeaders", "ETag"),
            ("AllowCredentials", true), ("MaxAgeSeconds", 600), ("AllowPrivateNetwork", true), ("Enabled", false),
            ("Description", "sample"), ("AllowNullOrigin", true), ("DangerouslyAllowInsecureOrigins", true),
            ("DangerouslyAllowPublicSuffixWildcards", true), ("Debug", true)));

        var d = stored.Definition;
        Assert.Empty(stored.ReadErrors);
        Assert.Equal("items", d.Id);
        Assert.Equal(["/api/items", "/api/items/*"], d.Routes);
        Assert.Equal(["GET", "POST"], d.AllowedMethods);
        Assert.Equal(["X-Auth-Token", "Content-Type"], d.AllowedHeaders);
        Assert.Equal(["ETag"], d.ExposedHeaders);
        Assert.True(d.AllowCredentials && d.AllowPrivateNetwork && d.AllowNullOrigin);
        Assert.True(d.DangerouslyAllowInsecureOrigins && d.DangerouslyAllowPublicSuffixWildcards);
        Assert.True(d.Debug);
        Assert.False(d.Enabled);
        Assert.Equal(600, d.MaxAgeSeconds);
        Assert.Equal("sample", d.Description);
    }

    [Fact]
    public void Absent_properties_take_the_defaults_and_enabled_defaults_to_true()
    {
        var stored = PolicyEntityMapper.Read(Row());

        Assert.Empty(stored.ReadErrors);
        Assert.True(stored.Definition.Enabled);
        Assert.False(stored.Definition.AllowCredentials);
        Assert.False(stored.Definition.Debug);
        Assert.Null(stored.Definition.MaxAgeSeconds);
        Assert.Empty(stored.Definition.Routes);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData(" TRUE ", true)]
    public void Booleans_stored_as_text_true_or_false_are_accepted(string text, bool expected)
    {
        var stored = PolicyEntityMapper.Read(Row(("AllowCredentials", text)));

        Assert.Empty(stored.ReadErrors);
        Assert.Equal(expected, stored.Definition.AllowCredentials);
    }

    [Fact]
    public void Numbers_stored_as_digits_or_int64_are_accepted()
    {
        Assert.Equal(600, PolicyEntityMapper.Read(Row(("MaxAgeSeconds", "600"))).Definition.MaxAgeSeconds);
        Assert.Equal(600, PolicyEntityMapper.Read(Row(("MaxAgeSeconds", 600L))).Definition.MaxAgeSeconds);
    }

    [Fact]
    public void Garbage_values_become_read_errors_naming_field_and_value_never_exceptions()
    {
        var stored = PolicyEntityMapper.Read(Row(
            ("MaxAgeSeconds", "abc"), ("AllowCredentials", "yes"), ("Enabled", 1), ("Routes", 42),
            ("AllowPrivateNetwork", 2.5), ("Description", DateTimeOffset.UnixEpoch), ("ExposedHeaders", new byte[] { 1 })));

        var errors = stored.ReadErrors.ToDictionary(e => e.Field);
        Assert.Equal(7, errors.Count);
        Assert.Equal("abc", errors["MaxAgeSeconds"].Value);
        Assert.Equal("yes", errors["AllowCredentials"].Value);
        Assert.Equal("42", errors["Routes"].Value);
        Assert.Equal("2.5", errors["AllowPrivateNetwork"].Value);
        Assert.Contains("Boolean", errors["Enabled"].Message, StringComparison.Ordinal);
        Assert.All(stored.ReadErrors, e => Assert.Equal(PolicyErrorCodes.StoredWrongType, e.Code));
        Assert.Null(stored.Definition.MaxAgeSeconds);
    }

    [Fact]
    public void Number_out_of_int32_range_is_a_read_error()
    {
        var stored = PolicyEntityMapper.Read(Row(("MaxAgeSeconds", long.MaxValue)));

        Assert.Equal("MaxAgeSeconds", Assert.Single(stored.ReadErrors).Field);
    }

    [Fact]
    public void Read_errors_make_an_otherwise_valid_policy_invalid()
    {
        var entity = PolicyEntityMapper.ToEntity("default", TestPolicies.Items(), null, 0);
        entity["MaxAgeSeconds"] = "abc";

        var compilation = PolicyEntityMapper.Read(entity).Compile();

        Assert.False(compilation.Succeeded);
        Assert.Contains(compilation.Errors, e => e.Field == "MaxAgeSeconds" && e.Value == "abc");
        Assert.Equal(["/api/items", "/api/items/*"], compilation.Routes.Select(r => r.Text));
    }

    [Fact]
    public void Long_garbage_values_are_quoted_with_a_bound()
    {
        var stored = PolicyEntityMapper.Read(Row(("MaxAgeSeconds", new string('x', 5000))));

        Assert.True(Assert.Single(stored.ReadErrors).Value!.Length <= 201);
    }

    [Fact]
    public void A_definition_round_trips_through_a_row()
    {
        var definition = TestPolicies.Items() with { Description = "d", AllowCredentials = true, ExposedHeaders = ["ETag", "X-Total"] };

        var read = PolicyEntityMapper.Read(PolicyEntityMapper.ToEntity("default", definition, null, 0)).Definition;

        Assert.Equal(definition.Routes, read.Routes);
        Assert.Equal(definition.AllowedOrigins, read.AllowedOrigins);
        Assert.Equal(definition.ExposedHeaders, read.ExposedHeaders);
        Assert.Equal(definition with { Routes = read.Routes, AllowedOrigins = read.AllowedOrigins, AllowedMethods = read.AllowedMethods,
            AllowedHeaders = read.AllowedHeaders, ExposedHeaders = read.ExposedHeaders }, read);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Debug_mode_round_trips_through_a_typed_column(bool debug)
    {
        var entity = PolicyEntityMapper.ToEntity("default", TestPolicies.Items() with { Debug = debug }, null, 0);

        Assert.Equal(debug, entity.GetBoolean("Debug"));
        Assert.Equal(debug, PolicyEntityMapper.Read(entity).Definition.Debug);
    }

    [Fact]
    public void Debug_mode_typed_by_hand_as_text_is_read_and_anything_else_is_a_read_error()
    {
        Assert.True(PolicyEntityMapper.Read(Row(("Debug", "true"))).Definition.Debug);

        var stored = PolicyEntityMapper.Read(Row(("Debug", "on")));
        Assert.Equal("Debug", Assert.Single(stored.ReadErrors).Field);
    }

    [Fact]
    public void Writing_keeps_unknown_properties_of_the_existing_row_and_drops_cleared_known_ones()
    {
        var existing = PolicyEntityMapper.ToEntity("default", TestPolicies.Items() with { Description = "old" }, null, 0);
        existing["Owner"] = "team-a";
        existing["Ticket"] = 1234;

        var entity = PolicyEntityMapper.ToEntity("default", TestPolicies.Items() with { MaxAgeSeconds = null }, existing, 0);

        Assert.Equal("team-a", entity["Owner"]);
        Assert.Equal(1234, entity["Ticket"]);
        Assert.False(entity.ContainsKey("Description"));
        Assert.False(entity.ContainsKey("MaxAgeSeconds"));
        Assert.Equal("/api/items, /api/items/*", entity["Routes"]);
    }
}
