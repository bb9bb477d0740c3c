namespace CorsFunctions.Samples.Items;

/// <summary>An item of the sample catalogue.</summary>
/// <param name="Id">The id, part of the item's URL.</param>
/// <param name="Name">A display name.</param>
public sealed record Item(string Id, string Name);

/// <summary>The body of <c>POST /api/items</c> and <c>PUT /api/items/{id}</c>: <c>{"name": "..."}</c>.</summary>
/// <param name="Name">A display name.</param>
public sealed record ItemBody(string? Name)
{
    /// <summary>The longest accepted name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The answer to a body that is not JSON.</summary>
    public const string NotJsonProblem = "The body must be JSON: {\"name\": \"...\"}.";

    /// <summary>What is wrong with the body, or null when it can be stored.</summary>
    public string? Problem => string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength
        ? $"'name' is required, at most {MaxNameLength} characters."
        : null;
}
