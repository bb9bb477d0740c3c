using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The built-in sample: the base package alone.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelFunctionIndexTests(BuiltInModelFixture fixture) : FunctionIndexTests(fixture, referencesManagement: false);
