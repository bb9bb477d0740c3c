using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The deployable app: base and management projects.</summary>
[Collection(AppSuite.Name)]
public sealed class AppFunctionIndexTests(AppFixture fixture) : FunctionIndexTests(fixture, referencesManagement: true);
