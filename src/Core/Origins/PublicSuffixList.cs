using System.Reflection;

namespace CorsFunctions.Core.Origins;

/// <summary>
/// The Public Suffix List, embedded: names under which anyone can register a site
/// (<c>com</c>, <c>co.uk</c>, <c>azurewebsites.net</c>). A wildcard origin on such a suffix trusts strangers.
/// Loaded on first use, only when a policy with a wildcard origin is compiled.
/// </summary>
internal static class PublicSuffixList
{
    private const string ResourceName = "CorsFunctions.Core.Origins.public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixRules> s_rules = new(LoadEmbedded);

    /// <summary>Whether <paramref name="domain"/> (lower-case ASCII) is a public suffix. Any single label is one.</summary>
    public static bool IsPublicSuffix(string domain) => s_rules.Value.IsPublicSuffix(domain);

    /// <summary>Reads the embedded list (each call reads it anew; <see cref="IsPublicSuffix"/> reads it once).</summary>
    internal static PublicSuffixRules LoadEmbedded()
    {
        // Stryker disable once String : the message of a build defect (the list not embedded) that no test can provoke.
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded public suffix list is missing.");
        using var reader = new StreamReader(stream);
        return PublicSuffixRules.Parse(reader);
    }
}
