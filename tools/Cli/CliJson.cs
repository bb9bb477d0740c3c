using System.Text.Encodings.Web;
using System.Text.Json;
using CorsFunctions.Worker.Management;

namespace CorsFunctions.Cli;

/// <summary>
/// How the tool writes JSON (policy files, <c>--json</c> answers, diffs): the management API's own shape, escaping only
/// what JSON needs. A terminal or a file is no HTML page, so <c>&lt;</c>, <c>&amp;</c>, <c>+</c>, <c>'</c> and
/// non-ASCII text stay as written instead of turning into <c>\u002B</c> and the like.
/// </summary>
internal static class CliJson
{
    /// <summary>The options of every JSON the tool writes.</summary>
    public static JsonSerializerOptions Output { get; } = new(ManagementJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
