using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Tests.Routing;

public class RoutePatternTests
{
    [Theory]
    [InlineData("/api/items", "/api/items", RoutePatternKind.Exact)]
    [InlineData("/api/items/", "/api/items", RoutePatternKind.Exact)]
    [InlineData("/", "/", RoutePatternKind.Exact)]
    [InlineData("//", "/", RoutePatternKind.Exact)]
    [InlineData("/api/items/*", "/api/items/*", RoutePatternKind.SingleSegmentWildcard)]
    [InlineData("/api/*/details", "/api/*/details", RoutePatternKind.SingleSegmentWildcard)]
    [InlineData("/api/**", "/api/**", RoutePatternKind.AnyDepthWildcard)]
    [InlineData("/api/*/**", "/api/*/**", RoutePatternKind.AnyDepthWildcard)]
    [InlineData("/**", "/**", RoutePatternKind.Default)]
    public void A_pattern_is_read_with_its_specificity(string text, string expected, RoutePatternKind kind)
    {
        Assert.True(RoutePattern.TryParse(text, out var pattern, out var error), error);
        Assert.Equal(expected, pattern!.Text);
        Assert.Equal(kind, pattern.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("api/items")]
    [InlineData("/api//items")]
    [InlineData("/api/**/items")]
    [InlineData("/api/items*")]
    [InlineData("/api/*items")]
    [InlineData("/api/items?x=1")]
    [InlineData("/api/items#x")]
    [InlineData("/api/it ems")]
    [InlineData("/api/%2e%2e")]
    [InlineData("/api\\items")]
    [InlineData("/api/\u00e9")]
    [InlineData("/api/\u007f")]
    public void A_text_that_is_not_a_pattern_is_refused_with_a_reason(string? text)
    {
        Assert.False(RoutePattern.TryParse(text, out var pattern, out var error));
        Assert.Null(pattern);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Length_and_depth_are_bounded()
    {
        var deep = string.Concat(Enumerable.Repeat("/a", RoutePattern.MaxSegments));

        Assert.True(RoutePattern.TryParse(deep, out _, out _));
        Assert.False(RoutePattern.TryParse(deep + "/a", out _, out var tooDeep));
        Assert.Equal($"has more than {RoutePattern.MaxSegments} segments.", tooDeep);
        Assert.True(RoutePattern.TryParse("/" + new string('a', RoutePattern.MaxLength - 1), out _, out _));
        Assert.False(RoutePattern.TryParse("/" + new string('a', RoutePattern.MaxLength), out _, out var tooLong));
        Assert.Equal($"is longer than {RoutePattern.MaxLength} characters.", tooLong);
    }
}
