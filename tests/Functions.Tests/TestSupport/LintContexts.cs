using System.Collections.Immutable;
using CorsFunctions.Worker.Diagnostics;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Moq;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>The apps the management API lints against in tests, built on the real <see cref="AppLintContext"/>.</summary>
internal static class LintContexts
{
    /// <summary>An app whose function metadata cannot be read: only the checks of a policy alone run.</summary>
    public static AppLintContext Unreadable()
    {
        var metadata = new Mock<IFunctionMetadataManager>();
        metadata.Setup(m => m.GetFunctionMetadataAsync(It.IsAny<string>())).ThrowsAsync(new InvalidOperationException("no metadata in this test"));
        return new AppLintContext(metadata.Object, new FunctionAppEnvironment(Path.GetTempPath(), null));
    }

    /// <summary>An app with <paramref name="functions"/> under the route prefix <paramref name="routePrefix"/>.</summary>
    public static AppLintContext With(string routePrefix, params IFunctionMetadata[] functions)
    {
        var metadata = new Mock<IFunctionMetadataManager>();
        metadata.Setup(m => m.GetFunctionMetadataAsync(It.IsAny<string>())).ReturnsAsync(functions.ToImmutableArray());
        return new AppLintContext(metadata.Object, new FunctionAppEnvironment(Path.GetTempPath(), routePrefix));
    }
}
