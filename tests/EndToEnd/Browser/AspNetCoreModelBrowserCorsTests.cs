using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>The cases of <see cref="BrowserCorsTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelBrowserCorsTests(AspNetCoreModelFixture fixture) : BrowserCorsTests(fixture);
