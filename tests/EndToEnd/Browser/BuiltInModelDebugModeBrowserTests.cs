using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;

namespace CorsFunctions.EndToEnd.Browser;

/// <summary>The cases of <see cref="DebugModeBrowserTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelDebugModeBrowserTests(BuiltInModelFixture fixture, ITestOutputHelper output)
    : DebugModeBrowserTests(fixture, output);
