using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Management;

/// <summary>
/// The cases of <see cref="ManagementApiTests"/> in the built-in HTTP model: against the deployable app, which references the
/// management package (the built-in sample does not, and has no management route: <see cref="Emulator.FunctionIndexTests"/>).
/// </summary>
[Collection(AppSuite.Name)]
public sealed class BuiltInModelManagementApiTests(AppFixture fixture) : ManagementApiTests(fixture)
{
    protected override (string Kind, string Name) MasterKeyWriter => ("key", "master");
}
