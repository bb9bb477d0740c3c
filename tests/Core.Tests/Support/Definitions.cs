using CorsFunctions.Core.Policies;

namespace CorsFunctions.Core.Tests.Support;

/// <summary>
/// The one builder of policy definitions for every test: a small valid baseline that each test varies
/// with <c>with { ... }</c>, so a test shows only the fields it is about.
/// </summary>
internal static class Definitions
{
    public const string AppOrigin = "https://app.example.com";

    /// <summary>Valid: one exact origin, the default route, nothing else allowed.</summary>
    public static CorsPolicyDefinition Valid { get; } = new()
    {
        Id = "test-policy",
        Routes = ["/**"],
        AllowedOrigins = [AppOrigin],
    };

    /// <summary>Compiles a definition the test expects to be valid.</summary>
    public static CorsPolicy Compile(CorsPolicyDefinition definition)
    {
        var compilation = PolicyCompiler.Compile(definition);
        Assert.True(compilation.Succeeded, string.Join(Environment.NewLine, compilation.Errors));
        return compilation.Policy!;
    }

    /// <summary>Compiles <see cref="Valid"/> with other allowed origins.</summary>
    public static CorsPolicy WithOrigins(params string[] origins) => Compile(Valid with { AllowedOrigins = origins });

    /// <summary>Compiles a definition the test expects to be refused and returns every error.</summary>
    public static IReadOnlyList<PolicyError> Refuse(CorsPolicyDefinition definition)
    {
        var compilation = PolicyCompiler.Compile(definition);
        Assert.False(compilation.Succeeded);
        Assert.Null(compilation.Policy);
        Assert.NotEmpty(compilation.Errors);
        return compilation.Errors;
    }

    /// <summary>Asserts the definition is refused with an error naming <paramref name="field"/> and <paramref name="value"/>.</summary>
    public static PolicyError AssertRefused(CorsPolicyDefinition definition, string field, string? value)
    {
        var errors = Refuse(definition);
        var error = Assert.Single(errors, e => e.Field == field && e.Value == value);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
