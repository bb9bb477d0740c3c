namespace CorsFunctions.Core.Policies;

/// <summary>Collects every error of one definition so they are reported together, not only the first.</summary>
internal sealed class ErrorList
{
    private readonly List<PolicyError> _errors = [];

    public int Count => _errors.Count;

    public void Add(PolicyError error) => _errors.Add(error);

    public void Add(string code, string field, string? value, string message) => _errors.Add(new PolicyError(code, field, value, message));

    public IReadOnlyList<PolicyError> ToList() => _errors.ToArray();
}
