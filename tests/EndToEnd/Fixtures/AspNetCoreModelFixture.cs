namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// The ASP.NET Core integration model (ConfigureFunctionsWebApplication): the host forwards each HTTP request to the
/// worker's own HTTP server. samples/AspNetCore, built from the packages.
/// </summary>
public sealed class AspNetCoreModelFixture() : EndToEndFixture(aspNetCoreIntegration: true, "samples", "AspNetCore", "AspNetCore.csproj");
