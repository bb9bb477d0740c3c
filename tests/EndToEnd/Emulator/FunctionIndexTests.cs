using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>What the host indexes from the metadata the real worker returns (facts 4-6 of the platform).</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class FunctionIndexTests(BuiltInModelFixture fixture)
{
    [Fact]
    public void Exactly_one_function_accepts_options_an_anonymous_catch_all()
    {
        var options = fixture.Host.Routes.Functions.Where(function => function.Accepts("OPTIONS")).ToList();

        var preflight = Assert.Single(options);
        Assert.Equal(AuthLevel.Anonymous, preflight.AuthLevel);
        Assert.Equal(["OPTIONS"], preflight.Methods!);
        Assert.Equal("api/{*path}", preflight.Route.Text);
    }

    [Fact]
    public void Items_functions_require_a_function_key()
    {
        var items = fixture.Host.Routes.Functions.Where(function => function.Route.Text.StartsWith("api/items", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, function => Assert.Equal(AuthLevel.Function, function.AuthLevel));
    }
}
