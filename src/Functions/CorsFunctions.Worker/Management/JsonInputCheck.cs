using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CorsFunctions.Core.Policies;
using CorsFunctions.Worker.Diagnostics;
using CorsFunctions.Worker.Policies;

namespace CorsFunctions.Worker.Management;

/// <summary>
/// Walks a parsed JSON document against the document type it must bind to and collects every error, where the
/// serializer stops at the first and names .NET types: unknown and repeated members (case-insensitively, as the
/// binder matches them), wrong kinds of values, a mode that is neither <c>enforce</c> nor <c>reportOnly</c>. The
/// members and their types come from the serializer's own contract (<see cref="JsonTypeInfo"/>), so what is checked
/// is exactly what is bound. A document without errors binds without one.
/// </summary>
internal sealed class JsonInputCheck
{
    /// <summary>The most errors listed; one more entry says that there were more.</summary>
    public const int MaxErrors = 100;

    private readonly JsonSerializerOptions _options;
    private readonly StringComparer _names;
    private readonly List<JsonInputError> _errors = [];

    private JsonInputCheck(JsonSerializerOptions options)
    {
        _options = options;
        _names = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    }

    /// <summary>Every error of <paramref name="root"/> as a <paramref name="type"/> read with <paramref name="options"/>, in document order.</summary>
    public static IReadOnlyList<JsonInputError> Check(JsonElement root, Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var check = new JsonInputCheck(options);
        check.Value(root, type, "$", nullable: false);
        return check._errors;
    }

    private void Value(JsonElement element, Type type, string path, bool nullable)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                Add(path, $"must be {Expected(type)}");
            }

            return;
        }

        var info = _options.GetTypeInfo(type);
        var valid = info.Kind switch
        {
            JsonTypeInfoKind.Object => element.ValueKind == JsonValueKind.Object,
            JsonTypeInfoKind.Enumerable => element.ValueKind == JsonValueKind.Array,
            _ => IsValidScalar(element, Nullable.GetUnderlyingType(type) ?? type),
        };
        if (!valid)
        {
            Add(path, $"must be {Expected(type)}");
        }
        else if (info.Kind == JsonTypeInfoKind.Object)
        {
            Members(element, info, path);
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                // A null entry of a list of strings is bound as an empty one, which validation then refuses in the policy's terms.
                Value(item, info.ElementType!, $"{path}[{index++}]", nullable: _options.GetTypeInfo(info.ElementType!).Kind != JsonTypeInfoKind.Object);
            }
        }
    }

    private void Members(JsonElement element, JsonTypeInfo info, string path)
    {
        var known = info.Properties.ToDictionary(p => p.Name, _names);
        var seen = new HashSet<string>(_names);
        foreach (var member in element.EnumerateObject())
        {
            if (!known.TryGetValue(member.Name, out var property))
            {
                Add(MemberPath(path, member.Name), $"is not a known member; the members are {string.Join(", ", known.Keys)}");
            }
            else if (!seen.Add(property.Name))
            {
                Add(MemberPath(path, property.Name), "is given more than once");
            }
            else
            {
                var type = property.PropertyType;
                Value(member.Value, type, MemberPath(path, property.Name), nullable: !type.IsValueType || Nullable.GetUnderlyingType(type) is not null);
            }
        }
    }

    private static bool IsValidScalar(JsonElement element, Type type) =>
        type == typeof(string) ? element.ValueKind == JsonValueKind.String
        : type == typeof(bool) ? element.ValueKind is JsonValueKind.True or JsonValueKind.False
        : type == typeof(int) ? element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _)
        : type == typeof(PolicyMode) ? element.ValueKind == JsonValueKind.String && PolicyModeText.TryParse(element.GetString(), out _)
        : throw new NotSupportedException($"No JSON input rule for members of type {type.Name}.");

    /// <summary>What a value of <paramref name="type"/> must be, in JSON's terms.</summary>
    private string Expected(Type type)
    {
        var info = _options.GetTypeInfo(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => "an object",
            JsonTypeInfoKind.Enumerable => _options.GetTypeInfo(info.ElementType!).Kind == JsonTypeInfoKind.Object ? "an array of objects" : "an array of strings",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) => $"a whole number from {int.MinValue} to {int.MaxValue}",
            _ when type == typeof(PolicyMode) => $"\"{PolicyModeText.Enforce}\" or \"{PolicyModeText.ReportOnly}\"",
            _ => "a string",
        };
    }

    /// <summary><c>$.routes</c>, or <c>$['odd name']</c> for a name that is not a plain identifier (bounded: the client chose it).</summary>
    private static string MemberPath(string path, string name) =>
        name.Length is > 0 and <= 64 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}['{SafeLogValue.Bound(name).Replace("'", "\\'", StringComparison.Ordinal)}']";

    private void Add(string path, string message)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new JsonInputError(path, message));
        }
        else if (_errors.Count == MaxErrors)
        {
            _errors.Add(new JsonInputError("$", $"has more errors than the {MaxErrors} listed"));
        }
    }
}
