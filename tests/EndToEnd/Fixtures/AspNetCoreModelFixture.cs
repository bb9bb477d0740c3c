namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// The ASP.NET Core integration model (ConfigureFunctionsWebApplication): the host forwards each HTTP request to the
/// worker's own HTTP server. The test-only consumer app under tests/EndToEnd/Apps/AspNetCore.
/// </summary>
public sealed class AspNetCoreModelFixture() : EndToEndFixture(aspNetCoreIntegration: true, "tests", "EndToEnd", "Apps", "AspNetCore", "AspNetCoreApp.csproj");
