namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>The tests that run against the app in the ASP.NET Core integration model.</summary>
[CollectionDefinition(Name)]
public sealed class AspNetCoreModelSuite : ICollectionFixture<AspNetCoreModelFixture>
{
    public const string Name = "ASP.NET Core integration model";
}
