using Azure;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Functions.Tests.TestSupport;

/// <summary>Policies used by the store, snapshot and management tests.</summary>
internal static class TestPolicies
{
    public const string TrustedOrigin = "https://trusted.example.com";

    public static CorsPolicyDefinition Items(string id = "items", params string[] routes) => new()
    {
        Id = id,
        Routes = routes.Length > 0 ? routes : ["/api/items", "/api/items/*"],
        AllowedOrigins = [TrustedOrigin],
        AllowedMethods = ["GET", "POST"],
        AllowedHeaders = ["X-Auth-Token", "Content-Type"],
        MaxAgeSeconds = 600,
    };

    /// <summary>
    /// The definition read from a table row with <paramref name="rowKey"/> as its RowKey (as the store reads it, so the
    /// id is whatever someone typed there) and <paramref name="routes"/>.
    /// </summary>
    public static CorsPolicyDefinition FromRow(string rowKey, string routes) =>
        PolicyEntityMapper.Read(new TableEntity("default", rowKey) { ["Routes"] = routes, ["AllowedOrigins"] = TrustedOrigin }).Definition;

    public static StoredPolicy Stored(CorsPolicyDefinition definition, string etag = "W/\"1\"", params PolicyError[] readErrors) =>
        new(definition, readErrors, new ETag(etag));
}
