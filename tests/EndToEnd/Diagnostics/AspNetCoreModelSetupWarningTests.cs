using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>The cases of <see cref="SetupWarningTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelSetupWarningTests(AspNetCoreModelFixture fixture) : SetupWarningTests(fixture);
