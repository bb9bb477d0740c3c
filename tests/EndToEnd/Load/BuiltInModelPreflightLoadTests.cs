using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;

namespace CorsFunctions.EndToEnd.Load;

/// <summary>The cases of <see cref="PreflightLoadTests"/> against the app in the built-in HTTP model.</summary>
[Collection(BuiltInModelSuite.Name)]
public sealed class BuiltInModelPreflightLoadTests(BuiltInModelFixture fixture, ITestOutputHelper output) : PreflightLoadTests(fixture, output);
