using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Core.Tests.Evaluation;

public class CorsRequestClassifierTests
{
    [Theory]
    [InlineData("GET", false, false)]
    [InlineData("OPTIONS", true, true)]
    [InlineData("OPTIONS", true, false)]
    [InlineData("GET", false, true)]
    public void An_unclassified_default_value_is_never_a_kind_the_classifier_answers(string method, bool hasOrigin, bool hasRequestMethod)
    {
        var kind = CorsRequestClassifier.Classify(method, hasOrigin, hasRequestMethod);

        Assert.True(Enum.IsDefined(kind));
        Assert.NotEqual(default, kind);
        Assert.False(Enum.IsDefined(default(CorsRequestKind)));
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("options")]
    public void Rule01_options_with_origin_and_request_method_is_a_preflight(string method) =>
        Assert.Equal(CorsRequestKind.Preflight, CorsRequestClassifier.Classify(method, hasOrigin: true, hasRequestMethod: true));

    [Fact]
    public void Rule01_options_without_request_method_is_an_ordinary_cors_request() =>
        Assert.Equal(CorsRequestKind.Actual, CorsRequestClassifier.Classify("OPTIONS", hasOrigin: true, hasRequestMethod: false));

    [Theory]
    [InlineData("GET", false)]
    [InlineData("POST", false)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    public void Rule01_origin_alone_or_another_method_is_not_a_preflight(string method, bool hasRequestMethod) =>
        Assert.Equal(CorsRequestKind.Actual, CorsRequestClassifier.Classify(method, hasOrigin: true, hasRequestMethod));

    [Theory]
    [InlineData("OPTIONS", true)]
    [InlineData("OPTIONS", false)]
    [InlineData("GET", false)]
    [InlineData("POST", true)]
    public void Rule03_a_request_without_origin_is_not_a_cors_request(string method, bool hasRequestMethod) =>
        Assert.Equal(CorsRequestKind.NotCors, CorsRequestClassifier.Classify(method, hasOrigin: false, hasRequestMethod));

    [Theory]
    [InlineData("OPTIONS", true)]
    [InlineData("options", true)] // normalised to OPTIONS as Fetch does, then compared byte for byte
    [InlineData("Options", true)]
    [InlineData("OPTION", false)]
    [InlineData("OPTIONS ", false)]
    [InlineData("GET", false)]
    public void OPTIONS_is_recognised_after_normalisation_only(string method, bool expected) =>
        Assert.Equal(expected, CorsRequestClassifier.IsOptions(method));
}
