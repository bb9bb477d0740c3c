namespace CorsFunctions.Functions.Tests.Integration;

/// <summary>The Azurite tests can be left out by their trait (scripts/mutation.sh does): every one of them has it.</summary>
public sealed class AzuriteTraitTests
{
    [Fact]
    public void Every_test_class_in_the_Azurite_collection_carries_the_Azurite_category()
    {
        var azuriteClasses = typeof(AzuriteTests).Assembly.GetTypes()
            .Where(t => Has(t, typeof(CollectionAttribute), AzuriteTests.Name))
            .ToList();

        Assert.NotEmpty(azuriteClasses);
        Assert.All(azuriteClasses, t => Assert.True(Has(t, typeof(TraitAttribute), AzuriteTests.Category, AzuriteTests.Name),
            $"{t.Name} uses Azurite but lacks [Trait(AzuriteTests.Category, AzuriteTests.Name)]"));
    }

    private static bool Has(Type type, Type attribute, params object[] arguments) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == attribute && a.ConstructorArguments.Select(c => c.Value).SequenceEqual(arguments));
}
