using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CorsFunctions.Infra.Tests.Support;

namespace CorsFunctions.Infra.Tests;

/// <summary>Properties of infra/main.bicep that hold for every parameter value (infra/bin/main.json).</summary>
public sealed partial class CompiledTemplateTests
{
    private static readonly string[] s_allowedPlans =
        ["Y1", "EP1", "EP2", "EP3", "B1", "B2", "B3", "S1", "S2", "S3", "P0v3", "P1v3", "P2v3", "P3v3"];

    private readonly JsonNode _template = RepoFiles.ReadCompiled(RepoFiles.CompiledMainTemplate);

    [Fact]
    public void Hosting_plan_offers_only_plans_where_the_worker_sees_preflights()
    {
        var plan = _template["parameters"]?["hostingPlan"];
        var allowed = (plan?["allowedValues"] as JsonArray ?? [])
            .Select(v => v?.GetValue<string>() ?? string.Empty)
            .ToList();

        Assert.Equal(s_allowedPlans.Order(StringComparer.Ordinal), allowed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(allowed, v => v.StartsWith("FC", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(plan.Str("defaultValue"), allowed);
    }

    [Fact]
    public void Hosting_plan_description_says_why_flex_and_linux_consumption_are_refused()
    {
        var description = _template["parameters"]?["hostingPlan"]?["metadata"].Str("description") ?? string.Empty;

        Assert.Contains("FC1", description, StringComparison.Ordinal);
        Assert.Contains("Linux Consumption", description, StringComparison.Ordinal);
        Assert.Contains("#9012", description, StringComparison.Ordinal);
    }

    [Fact]
    public void No_output_of_any_template_or_module_holds_a_secret()
    {
        var outputs = Templates(_template)
            .SelectMany(t => (t["outputs"] as JsonObject ?? []).Select(o => (Name: o.Key, Output: o.Value)))
            .ToList();

        Assert.NotEmpty(outputs);
        foreach (var (name, output) in outputs)
        {
            var type = output.Str("type") ?? string.Empty;
            Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"Output {name} is of type {type}.");
            foreach (var (path, value) in Json.Strings(output?["value"]))
            {
                Assert.False(SecretExpression().IsMatch(value), $"Output {name} ({path}) exposes a secret: {value}");
            }
        }
    }

    [Fact]
    public void Platform_cors_of_every_site_is_a_literal_empty_list()
    {
        var sites = Resources(_template, "Microsoft.Web/sites").ToList();

        Assert.NotEmpty(sites);
        foreach (var site in sites)
        {
            var origins = site["properties"]?["siteConfig"]?["cors"]?["allowedOrigins"];
            var list = Assert.IsType<JsonArray>(origins, exactMatch: false);
            Assert.Empty(list);
        }
    }

    [Fact]
    public void The_only_account_key_in_the_template_is_the_azure_files_content_share_and_it_is_conditional()
    {
        var keyUses = Json.Strings(_template)
            .Where(s => s.Value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase))
            .ToList();

        var (path, expression) = Assert.Single(keyUses);
        Assert.EndsWith(".siteConfig.appSettings", path, StringComparison.Ordinal);
        var listKeys = expression.IndexOf("listKeys(", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(listKeys, expression.LastIndexOf("listKeys(", StringComparison.OrdinalIgnoreCase));

        // The key sits in the WEBSITE_CONTENTAZUREFILECONNECTIONSTRING setting object...
        const string setting = "createObject('name', 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'";
        var settingStart = expression.LastIndexOf(setting, listKeys, StringComparison.Ordinal);
        Assert.True(settingStart >= 0, "listKeys() is used outside WEBSITE_CONTENTAZUREFILECONNECTIONSTRING.");
        Assert.DoesNotContain("createObject('name'", expression[(settingStart + setting.Length)..listKeys], StringComparison.Ordinal);

        // ...which exists only when the content mode is azureFiles (Y1/EP with contentStorage azureFiles).
        const string guard = "if(equals(parameters('contentMode'), 'azureFiles'), createArray(";
        var guardStart = expression.LastIndexOf(guard, settingStart, StringComparison.Ordinal);
        Assert.True(guardStart >= 0, "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING is not guarded by contentMode == 'azureFiles'.");
        Assert.Equal(guardStart + guard.Length, settingStart);
    }

    [Fact]
    public void Infra_uses_only_local_modules()
    {
        var files = Directory.GetFiles(Path.Combine(RepoFiles.Root, "infra"), "*.bicep", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (Match module in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var source = module.Groups["source"].Value;
                Assert.False(source.Contains(':', StringComparison.Ordinal), $"{Path.GetRelativePath(RepoFiles.Root, file)} uses a registry module '{source}' (cannot be restored offline).");
            }
        }
    }

    [Theory]
    [InlineData("use-recent-api-versions")]
    [InlineData("no-unused-params")]
    [InlineData("no-unused-vars")]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("secure-parameter-default")]
    [InlineData("no-hardcoded-env-urls")]
    public void Linter_rule_is_enabled_as_warning_or_error(string rule)
    {
        var config = RepoFiles.ReadCompiled(Path.Combine(RepoFiles.Root, "bicepconfig.json"));
        var level = config["analyzers"]?["core"]?["rules"]?[rule].Str("level");

        Assert.Contains(level, new[] { "warning", "error" });
        Assert.NotEqual(false, config["analyzers"]?["core"].Bool("enabled"));
    }

    /// <summary>The main template and every nested module template.</summary>
    private static IEnumerable<JsonNode> Templates(JsonNode template)
    {
        yield return template;
        foreach (var deployment in Resources(template, "Microsoft.Resources/deployments", nested: false))
        {
            if (deployment["properties"]?["template"] is JsonNode inner)
            {
                foreach (var t in Templates(inner))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Resources(JsonNode template, string type, bool nested = true)
    {
        var templates = nested ? Templates(template) : [template];
        foreach (var t in templates)
        {
            var resources = t["resources"] switch
            {
                JsonArray array => array.OfType<JsonNode>(),
                JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonNode>(),
                _ => [],
            };
            foreach (var resource in resources.Where(r => string.Equals(r.Str("type"), type, StringComparison.OrdinalIgnoreCase)))
            {
                yield return resource;
            }
        }
    }

    // list*() (listKeys, listAccountSas, ...) and literal keys/passwords.
    [GeneratedRegex(@"\blist[A-Za-z]*\(|AccountKey=|SharedAccessSignature|password", RegexOptions.IgnoreCase)]
    private static partial Regex SecretExpression();

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<source>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
