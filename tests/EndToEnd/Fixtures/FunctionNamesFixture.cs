namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// A built-in model app whose functions accept OPTIONS under names sorting before and after CorsPreflight:
/// tests/EndToEndApps/FunctionNames, built from project references.
/// </summary>
public sealed class FunctionNamesFixture() : EndToEndFixture(aspNetCoreIntegration: false, "tests", "EndToEndApps", "FunctionNames", "FunctionNames.csproj");
