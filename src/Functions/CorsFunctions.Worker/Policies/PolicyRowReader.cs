using System.Globalization;
using Azure.Data.Tables;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;

namespace CorsFunctions.Worker.Policies;

/// <summary>
/// Reads the typed properties of one policy row, collecting a <see cref="PolicyError"/> for each stored with the
/// wrong type instead of throwing, so one hand-edited cell makes its policy invalid and nothing else.
/// </summary>
internal sealed class PolicyRowReader(TableEntity entity)
{
    private readonly List<PolicyError> _errors = [];

    /// <summary>Every property read so far that had the wrong type.</summary>
    public IReadOnlyList<PolicyError> Errors => _errors;

    public IReadOnlyList<string> List(string field) => Text(field) is { } text ? PolicyEntityMapper.Split(text) : [];

    public string? Text(string field)
    {
        var value = Value(field);
        if (value is null or string)
        {
            return (string?)value;
        }

        return Fail<string>(field, value, "must be stored as a String (comma-separated for lists).");
    }

    public bool? Bool(string field) => Value(field) switch
    {
        null => null,
        bool flag => flag,
        string text when string.IsNullOrWhiteSpace(text) => null,
        string text when bool.TryParse(text, out var flag) => flag,
        var other => Fail<bool?>(field, other, "must be a Boolean (or the text true or false)."),
    };

    public int? Int(string field) => Value(field) switch
    {
        null => null,
        int number => number,
        long number when number is >= int.MinValue and <= int.MaxValue => (int)number,
        string text when string.IsNullOrWhiteSpace(text) => null,
        string text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        var other => Fail<int?>(field, other, "must be an Int32 whole number of seconds (or its digits as text)."),
    };

    /// <summary>Absent or empty is enforce; an unreadable mode is an error and the row fails closed as an enforced policy.</summary>
    public PolicyMode Mode(string field) => Value(field) switch
    {
        null => PolicyMode.Enforce,
        string text when string.IsNullOrWhiteSpace(text) => PolicyMode.Enforce,
        string text when PolicyModeText.TryParse(text, out var mode) => mode,
        var other => FailWith(PolicyErrorCodes.ModeInvalid, field, other, $"must be the text {PolicyModeText.Enforce} or {PolicyModeText.ReportOnly}.", PolicyMode.Enforce),
    };

    private object? Value(string field) => entity.TryGetValue(field, out var value) ? value : null;

    private T? Fail<T>(string field, object value, string message) => FailWith<T?>(PolicyErrorCodes.StoredWrongType, field, value, message, default);

    /// <summary>Records the error with the offending value as text (invariant culture, bounded and escaped for logs).</summary>
    private T FailWith<T>(string code, string field, object value, string message, T fallback)
    {
        _errors.Add(new PolicyError(code, field, SafeLogValue.Bound(Convert.ToString(value, CultureInfo.InvariantCulture)), message));
        return fallback;
    }
}
