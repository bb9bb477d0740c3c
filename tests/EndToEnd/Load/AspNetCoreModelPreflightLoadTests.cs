using CorsFunctions.EndToEnd.Fixtures;
using Xunit.Abstractions;

namespace CorsFunctions.EndToEnd.Load;

/// <summary>The cases of <see cref="PreflightLoadTests"/> against the app in the ASP.NET Core integration model.</summary>
[Collection(AspNetCoreModelSuite.Name)]
public sealed class AspNetCoreModelPreflightLoadTests(AspNetCoreModelFixture fixture, ITestOutputHelper output) : PreflightLoadTests(fixture, output);
