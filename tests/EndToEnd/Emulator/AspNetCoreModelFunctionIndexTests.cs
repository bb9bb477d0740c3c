using CorsFunctions.EndToEnd.Fixtures;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The ASP.NET Core sample: base and management packages.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelFunctionIndexTests(AspNetCoreModelFixture fixture) : FunctionIndexTests(fixture, referencesManagement: true);
