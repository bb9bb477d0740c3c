using CorsFunctions.Core.Policies;
using CorsFunctions.Core.Routing;

namespace CorsFunctions.Core.Lint;

/// <summary>
/// Warns about valid policies that will not behave as their author probably meant (<see cref="PolicyWarningCodes"/>).
/// Only a policy that compiled is linted: an invalid one has its errors to fix first.
/// </summary>
public static class PolicyLinter
{
    /// <summary>The <c>MaxAgeSeconds</c> the warning for a missing one suggests.</summary>
    public const int SuggestedMaxAgeSeconds = 600;

    /// <summary>Every warning for <paramref name="compilation"/> in <paramref name="context"/>; none when it did not compile.</summary>
    public static IReadOnlyList<PolicyWarning> Lint(PolicyCompilation compilation, PolicyLintContext context)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(context);
        if (!compilation.Succeeded)
        {
            return [];
        }

        var definition = compilation.Definition;
        var warnings = new List<PolicyWarning>();
        if (definition.MaxAgeSeconds is null)
        {
            warnings.Add(new(PolicyWarningCodes.MaxAgeMissing, nameof(CorsPolicyDefinition.MaxAgeSeconds), null,
                $"is not set: browsers then keep a preflight's answer for 5 seconds (the Fetch default) and send the preflight " +
                $"again after that. Set it, e.g. {SuggestedMaxAgeSeconds} (Chromium caps it at 7200, Firefox at 86400)."));
        }

        if (definition.Debug)
        {
            warnings.Add(new(PolicyWarningCodes.DebugOn, nameof(CorsPolicyDefinition.Debug), "true",
                "is on: a preflight refused for its method or headers is answered with the policy's allowed methods and headers, " +
                "which any allowed origin's page can then read. Turn it off once the refusal is understood."));
        }

        CheckSharedDomains(definition, warnings);
        if (context.RoutePrefix is { Length: > 0 } prefix)
        {
            CheckRoutePrefix(compilation.Routes, prefix, warnings);
        }

        if (context.Functions is { } functions)
        {
            var callable = functions.Where(f => !f.OnlyOptions).ToArray();
            CheckReachable(compilation.Routes, callable, warnings);
            CheckMethods(definition, compilation.Routes, callable, warnings);
        }

        return warnings;
    }

    private static void CheckSharedDomains(CorsPolicyDefinition definition, List<PolicyWarning> warnings)
    {
        foreach (var origin in definition.AllowedOrigins)
        {
            var wildcard = origin.IndexOf("://*.", StringComparison.Ordinal);
            if (wildcard < 0)
            {
                continue;
            }

            var host = origin[(wildcard + "://*.".Length)..];
            var port = host.IndexOf(':', StringComparison.Ordinal);
            // A trailing dot names the same domain (origins keep it, see docs/policies.md).
            var domain = (port < 0 ? host : host[..port]).TrimEnd('.').ToLowerInvariant();
            if (SharedPlatformDomains.WhoCanHostUnder(domain) is { } who)
            {
                warnings.Add(new(PolicyWarningCodes.OriginSharedDomain, nameof(CorsPolicyDefinition.AllowedOrigins), origin,
                    $"trusts every site under '{domain}', and {who} can put a page there. List your own origins instead."));
            }
        }
    }

    private static void CheckRoutePrefix(IReadOnlyList<RoutePattern> routes, string prefix, List<PolicyWarning> warnings)
    {
        foreach (var route in routes)
        {
            var first = route.Segments.Count == 0 ? "" : route.Segments[0];
            if (first is "*" or "**" || string.Equals(first, prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var suggested = route.Segments.Count == 0 ? $"/{prefix}" : $"/{prefix}{route.Text}";
            warnings.Add(new(PolicyWarningCodes.RoutePrefixMissing, nameof(CorsPolicyDefinition.Routes), route.Text,
                $"does not start with the host's route prefix '/{prefix}', under which every function is served: did you mean '{suggested}'?"));
        }
    }

    private static void CheckReachable(IReadOnlyList<RoutePattern> routes, AppFunction[] functions, List<PolicyWarning> warnings)
    {
        foreach (var route in routes.Where(r => !functions.Any(f => f.Path.Overlaps(r))))
        {
            var served = functions.Length == 0 ? "the app has none" : "it has " + string.Join(", ", functions.Select(f => f.Path.Text).Distinct());
            warnings.Add(new(PolicyWarningCodes.RouteUnreachable, nameof(CorsPolicyDefinition.Routes), route.Text,
                $"matches no path an HTTP function of the app is served on ({served}): the policy is never used there."));
        }
    }

    private static void CheckMethods(CorsPolicyDefinition definition, IReadOnlyList<RoutePattern> routes, AppFunction[] functions,
        List<PolicyWarning> warnings)
    {
        if (definition.AllowedMethods is not ["*"])
        {
            return;
        }

        var reached = functions.Where(f => routes.Any(f.Path.Overlaps)).ToArray();
        if (reached.Length == 0 || reached.Any(f => f.Methods.Count == 0))
        {
            return;
        }

        var needed = reached.SelectMany(f => f.Methods).Select(m => m.ToUpperInvariant())
            .Where(m => m != "OPTIONS").Distinct().Order(StringComparer.Ordinal).ToArray();
        warnings.Add(new(PolicyWarningCodes.MethodsWiderThanNeeded, nameof(CorsPolicyDefinition.AllowedMethods), "*",
            $"allows every method, but the functions on these routes ({string.Join(", ", reached.Select(f => f.Name))}) accept only " +
            $"{string.Join(", ", needed)}: list those instead."));
    }
}
