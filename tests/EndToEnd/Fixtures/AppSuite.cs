namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>The tests that run against the deployable app (src/Functions/App, with the management package).</summary>
[CollectionDefinition(Name)]
public sealed class AppSuite : ICollectionFixture<AppFixture>
{
    public const string Name = "deployable app";
}
