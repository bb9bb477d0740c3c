using CorsFunctions.Core.Origins;

namespace CorsFunctions.Core.Lint;

/// <summary>
/// Domains under which a platform gives its customers sites of their own, so a wildcard on them trusts every other
/// customer. Some are public suffixes (a wildcard on them compiles only with
/// <c>DangerouslyAllowPublicSuffixWildcards</c>); the others are not on the Public Suffix List, so nothing else warns.
/// </summary>
internal static class SharedPlatformDomains
{
    // Who can host a page there.
    private static readonly Dictionary<string, string> s_hosts = new(StringComparer.Ordinal)
    {
        ["azurewebsites.net"] = "any Azure App Service customer (<app>.azurewebsites.net)",
        ["azurestaticapps.net"] = "any Azure Static Web Apps customer",
        ["azure-api.net"] = "any Azure API Management customer",
        ["azureedge.net"] = "any Azure CDN customer",
        ["azurefd.net"] = "any Azure Front Door customer",
        ["cloudapp.azure.com"] = "anyone who gives an Azure public IP a DNS label (<label>.<region>.cloudapp.azure.com)",
        ["cloudapp.net"] = "any Azure Cloud Services customer",
        ["web.core.windows.net"] = "any Azure Storage static website (<account>.z<n>.web.core.windows.net)",
        ["blob.core.windows.net"] = "any Azure Storage account (<account>.blob.core.windows.net)",
        ["azurecontainerapps.io"] = "any Azure Container Apps customer",
        ["github.io"] = "any GitHub user (GitHub Pages)",
        ["herokuapp.com"] = "any Heroku customer",
        ["netlify.app"] = "any Netlify customer",
        ["vercel.app"] = "any Vercel customer",
        ["pages.dev"] = "any Cloudflare Pages customer",
        ["workers.dev"] = "any Cloudflare Workers customer",
        ["web.app"] = "any Firebase Hosting customer",
        ["firebaseapp.com"] = "any Firebase Hosting customer",
        ["appspot.com"] = "any Google App Engine customer",
        ["cloudfront.net"] = "any Amazon CloudFront customer",
    };

    // Domains whose customers' sites sit one label deeper, under a shared zone or region label
    // ("westeurope.cloudapp.azure.com", "z13.web.core.windows.net"): a wildcard on that label is as shared.
    private static readonly HashSet<string> s_zoned = new(StringComparer.Ordinal)
    {
        "cloudapp.azure.com", "web.core.windows.net", "azurecontainerapps.io",
    };

    /// <summary>
    /// Who else can host a page under <paramref name="domain"/> (lower-case ASCII, the part after <c>*.</c>), or null
    /// when it is no shared domain known here and no public suffix.
    /// </summary>
    public static string? WhoCanHostUnder(string domain)
    {
        if (s_hosts.TryGetValue(domain, out var who))
        {
            return who;
        }

        var parent = domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];
        if (s_zoned.Contains(parent))
        {
            return s_hosts[parent];
        }

        return PublicSuffixList.IsPublicSuffix(domain)
            ? $"anyone who can register a site under '{domain}' (it is on the Public Suffix List)"
            : null;
    }
}
