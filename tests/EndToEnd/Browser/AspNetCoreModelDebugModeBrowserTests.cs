using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>The cases of <see cref="DebugModeBrowserTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelDebugModeBrowserTests(AspNetCoreModelFixture fixture, ITestOutputHelper output)
    : DebugModeBrowserTests(fixture, output);
