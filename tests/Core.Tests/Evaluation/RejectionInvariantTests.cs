using CorsFunctions.Core.Evaluation;

namespace CorsFunctions.Core.Tests.Evaluation;

/// <summary>A refusal always carries a reason: a result that reads as allowed but holds no origin cannot be built.</summary>
public class RejectionInvariantTests
{
    [Fact]
    public void A_preflight_refusal_without_a_reason_cannot_be_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PreflightResult.Reject(CorsRejection.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => PreflightResult.Reject(CorsRejection.None, "detail"));
    }

    [Fact]
    public void An_actual_request_refusal_without_a_reason_cannot_be_built() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActualRequestResult.Reject(CorsRejection.None));

    [Theory]
    [InlineData(CorsRejection.NoPolicy)]
    [InlineData(CorsRejection.InvalidPolicy)]
    [InlineData(CorsRejection.MalformedRequest)]
    public void A_refusal_with_a_reason_is_not_allowed(CorsRejection rejection)
    {
        Assert.False(PreflightResult.Reject(rejection).IsAllowed);
        Assert.False(ActualRequestResult.Reject(rejection).IsAllowed);
    }
}
