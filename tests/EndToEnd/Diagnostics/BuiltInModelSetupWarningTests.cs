using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Diagnostics;

/// <summary>The cases of <see cref="SetupWarningTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelSetupWarningTests(BuiltInModelFixture fixture) : SetupWarningTests(fixture);
