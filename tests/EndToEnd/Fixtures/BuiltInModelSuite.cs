namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>The tests that run against the app in the built-in HTTP model.</summary>
[CollectionDefinition(Name)]
public sealed class BuiltInModelSuite : ICollectionFixture<BuiltInModelFixture>
{
    public const string Name = "built-in HTTP model";
}
