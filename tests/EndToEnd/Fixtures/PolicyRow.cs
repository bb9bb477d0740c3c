using Azure.Data.Tables;

namespace CorsFunctions.EndToEnd.Fixtures;

/// <summary>
/// A policy as an operator stores it: one table entity, PartitionKey = policy set, RowKey = policy id,
/// lists as comma-separated strings, flags and max age typed.
/// </summary>
internal sealed record PolicyRow(string Id, string Routes, string AllowedOrigins)
{
    public string PolicySet { get; init; } = EndToEndFixture.PolicySet;

    public string AllowedMethods { get; init; } = "";

    public string AllowedHeaders { get; init; } = "";

    public string ExposedHeaders { get; init; } = "";

    public bool AllowCredentials { get; init; }

    public bool AllowPrivateNetwork { get; init; }

    public bool Enabled { get; init; } = true;

    public int? MaxAgeSeconds { get; init; }

    public bool Debug { get; init; }

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(PolicySet, Id)
        {
            ["Routes"] = Routes,
            ["AllowedOrigins"] = AllowedOrigins,
            ["AllowedMethods"] = AllowedMethods,
            ["AllowedHeaders"] = AllowedHeaders,
            ["ExposedHeaders"] = ExposedHeaders,
            ["AllowCredentials"] = AllowCredentials,
            ["AllowPrivateNetwork"] = AllowPrivateNetwork,
            ["Enabled"] = Enabled,
            ["Debug"] = Debug,
        };
        if (MaxAgeSeconds is { } maxAge)
        {
            entity["MaxAgeSeconds"] = maxAge;
        }

        return entity;
    }
}
