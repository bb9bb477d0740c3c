using System.Globalization;
using System.Xml.Linq;
using CorsFunctions.Core.Policies;

namespace CorsFunctions.Cli;

/// <summary>
/// The API Management <c>cors</c> policy equivalent to one valid, enforced policy, for apps that must stay on Flex
/// Consumption (where the Functions host answers preflights itself): a <c>&lt;policies&gt;</c> document whose inbound
/// section starts with <c>&lt;cors&gt;</c>, to apply at the API scope (one policy per API) or at the operation scopes
/// of its routes. What the <c>cors</c> policy cannot express is listed, never silently widened.
/// </summary>
internal static class ApimExport
{
    // GET, HEAD and POST are always allowed here; API Management allows only what it lists (GET and POST without the element).
    private static readonly string[] s_alwaysAllowedMethods = ["GET", "HEAD", "POST"];

    /// <summary>The policy document and the differences an operator must know about.</summary>
    public static (XDocument Document, IReadOnlyList<string> Warnings) Export(CorsPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var warnings = new List<string>();
        var origins = definition.AllowedOrigins.Where(o => Expressible(o, warnings)).ToList();
        if (origins.Count == 0)
        {
            throw new CliException(ExitCodes.Refused, $"policy '{definition.Id}': none of its origins can be written as an API Management origin: {string.Join("; ", warnings)}");
        }

        if (definition.AllowPrivateNetwork)
        {
            warnings.Add("AllowPrivateNetwork has no API Management equivalent: Private Network Access preflights will be refused.");
        }

        if (definition.MaxAgeSeconds is null)
        {
            warnings.Add("MaxAgeSeconds is not set: API Management then sends Access-Control-Max-Age 0 (no caching), where browsers would assume 5 s.");
        }

        warnings.Add($"Routes {string.Join(", ", definition.Routes)}: API Management applies a policy by scope, not by path pattern. " +
            "Apply this document at the API scope when the policy covers the whole API, else at the operation scope of each route.");

        var methods = definition.AllowedMethods.Contains("*", StringComparer.Ordinal)
            ? ["*"]
            : s_alwaysAllowedMethods.Concat(definition.AllowedMethods).Distinct(StringComparer.Ordinal).ToArray();
        var cors = new XElement("cors",
            new XAttribute("allow-credentials", definition.AllowCredentials ? "true" : "false"),

            // Refused actual requests still reach the function and get no CORS headers, as they do with CorsFunctions.
            new XAttribute("terminate-unmatched-request", "false"),
            new XElement("allowed-origins", origins.Select(o => new XElement("origin", o))),
            new XElement("allowed-methods",
                definition.MaxAgeSeconds is { } maxAge ? new XAttribute("preflight-result-max-age", maxAge.ToString(CultureInfo.InvariantCulture)) : null,
                methods.Select(m => new XElement("method", m))));
        if (definition.AllowedHeaders.Count > 0)
        {
            cors.Add(new XElement("allowed-headers", definition.AllowedHeaders.Select(h => new XElement("header", h))));
        }
        else
        {
            warnings.Add("No AllowedHeaders: API Management expects an allowed-headers element; it is left out rather than allow any header. Add one if the gateway refuses the document.");
        }

        if (definition.ExposedHeaders.Count > 0)
        {
            cors.Add(new XElement("expose-headers", definition.ExposedHeaders.Select(h => new XElement("header", h))));
        }

        var document = new XDocument(
            new XComment($" Exported by corsfunctions (format apim) from policy '{definition.Id}', routes {string.Join(", ", definition.Routes)} "),
            new XElement("policies",
                new XElement("inbound", cors, new XElement("base")),
                new XElement("backend", new XElement("base")),
                new XElement("outbound", new XElement("base")),
                new XElement("on-error", new XElement("base"))));
        return (document, warnings);
    }

    private static bool Expressible(string origin, List<string> warnings)
    {
        if (origin.Contains("://*.", StringComparison.Ordinal))
        {
            warnings.Add($"'{origin}': API Management origins are exact (or '*'); a wildcard subdomain cannot be expressed and is left out. List each subdomain.");
            return false;
        }

        if (origin == "null")
        {
            warnings.Add("'null': API Management origins are URIs; the null origin cannot be expressed and is left out.");
            return false;
        }

        return true;
    }
}
