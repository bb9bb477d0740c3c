namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>
/// Every test class using Azurite shares one emulator. Each such class also carries the trait
/// <c>[Trait(AzuriteTests.Category, AzuriteTests.Name)]</c>, so a run without the emulator (mutation testing) leaves them
/// out with <c>--filter "Category!=Azurite"</c>; <see cref="AzuriteTraitTests"/> checks none is missing it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";

    /// <summary>The trait name the test filter selects on.</summary>
    public const string Category = "Category";
}
