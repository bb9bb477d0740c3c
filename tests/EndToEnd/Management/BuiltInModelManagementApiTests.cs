using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Management;

/// <summary>The cases of <see cref="ManagementApiTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelManagementApiTests(BuiltInModelFixture fixture) : ManagementApiTests(fixture)
{
    protected override (string Kind, string Name) MasterKeyWriter => ("key", "master");
}
