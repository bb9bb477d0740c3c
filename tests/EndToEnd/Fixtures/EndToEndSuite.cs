namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>Every end-to-end test class shares one <see cref="EndToEndFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndSuite : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end-to-end";
}
