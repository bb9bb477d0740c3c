using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Preflights;

/// <summary>The cases of <see cref="PreflightTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelPreflightTests(AspNetCoreModelFixture fixture) : PreflightTests(fixture);
