using CorsFunctions.Worker.Middleware;

namespace CorsFunctions.Functions.Tests.Middleware;

/// <summary>The one rule for extending <c>Vary</c>, used by both HTTP models' sinks and by cors-check.</summary>
public sealed class VaryHeaderTests
{
    [Theory]
    [InlineData(null, "Origin", "Origin")]
    [InlineData("", "Origin", "Origin")]
    [InlineData("  ", "Origin", "Origin")]
    [InlineData("Accept-Encoding", "Origin", "Accept-Encoding,Origin")] // appended, never replaced; bare commas as the built-in model sends them
    [InlineData("origin, Accept-Encoding", "Origin, Access-Control-Request-Method", "origin,Accept-Encoding,Access-Control-Request-Method")]
    [InlineData("Accept-Encoding,,Origin", "Origin", null)] // every name already there (any case, empty elements ignored)
    [InlineData("*", "Origin", null)] // "Vary: *" already varies on everything
    [InlineData("Accept, *", "Origin", null)]
    public void Adds_only_the_missing_names_and_keeps_the_rest(string? existing, string names, string? expected) =>
        Assert.Equal(expected, VaryHeader.Append(existing, names));
}
