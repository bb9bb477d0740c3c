using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>The cases of <see cref="BrowserCorsTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelBrowserCorsTests(BuiltInModelFixture fixture) : BrowserCorsTests(fixture);
