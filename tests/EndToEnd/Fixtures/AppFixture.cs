namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// The deployable app, src/Functions/App (built-in HTTP model, project references): the one that references the
/// management package in the built-in model, so the management API's built-in-model cases run against it.
/// </summary>
public sealed class AppFixture() : EndToEndFixture(aspNetCoreIntegration: false, "src", "Functions", "App", "App.csproj");
