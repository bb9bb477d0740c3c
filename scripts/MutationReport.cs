// Reads a Stryker JSON report, prints the mutation score of every file and enforces the per-file
// threshold of the run's stryker-config.json ("per-file-thresholds"): Stryker's own "break" threshold is
// one number for the whole run, so a weak file can hide behind strong ones without this check.
// Usage: dotnet run scripts/MutationReport.cs -- <mutation-report.json> <stryker-config.json>
// Exit code 1 when a listed file is below its threshold, 2 on bad arguments.
using System.Globalization;
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MutationReport <mutation-report.json> <stryker-config.json>");
    return 2;
}

using var report = JsonDocument.Parse(File.ReadAllText(args[0]));
using var config = JsonDocument.Parse(File.ReadAllText(args[1]));
var rule = PerFileRule.Read(config.RootElement);

// File names are absolute: show them relative to the mutated project.
var root = report.RootElement.TryGetProperty("projectRoot", out var r) ? r.GetString()!.Replace('\\', '/').TrimEnd('/') + "/" : "";
var rows = new List<FileScore>();
foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
{
    var path = file.Name.Replace('\\', '/');
    rows.Add(FileScore.Count(path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path, file.Value.GetProperty("mutants")));
}

rows.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
var total = rows.Aggregate(FileScore.Zero("(all files)"), (sum, row) => sum.Plus(row));

Console.WriteLine($"{"file",-48} {"score",7} {"killed",7} {"survived",9} {"no cov.",8} {"timeout",8} {"ignored",8}");
foreach (var row in rows.Append(total))
{
    Console.WriteLine($"{row.Path,-48} {row.ScoreText,7} {row.Killed,7} {row.Survived,9} {row.NoCoverage,8} {row.Timeout,8} {row.Ignored,8}");
}

var failures = rows.Where(r => rule.Governs(r.Path) && r.Score < rule.Break).ToList();
foreach (var row in failures)
{
    Console.Error.WriteLine($"FAIL {row.Path}: mutation score {row.ScoreText} is below the per-file threshold of {rule.Break} %");
}

foreach (var row in rows.Where(r => r.Survived + r.NoCoverage > 0))
{
    Console.WriteLine();
    Console.WriteLine($"{row.Path}: mutants left alive");
    foreach (var line in row.Alive)
    {
        Console.WriteLine("  " + line);
    }
}

return failures.Count == 0 ? 0 : 1;

/// <summary>The per-file threshold: files whose path starts with one of the prefixes must score at least Break.</summary>
internal sealed record PerFileRule(double Break, IReadOnlyList<string> Prefixes)
{
    public static PerFileRule Read(JsonElement config)
    {
        if (!config.TryGetProperty("per-file-thresholds", out var section))
        {
            return new PerFileRule(0, []);
        }

        var prefixes = section.GetProperty("folders").EnumerateArray().Select(f => f.GetString()!).ToList();
        return new PerFileRule(section.GetProperty("break").GetDouble(), prefixes);
    }

    public bool Governs(string path) => Prefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal) || path.Contains("/" + p, StringComparison.Ordinal));
}

/// <summary>The mutant counts of one file; the score is Stryker's: detected / (detected + undetected).</summary>
internal sealed record FileScore(string Path, int Killed, int Timeout, int Survived, int NoCoverage, int Ignored, IReadOnlyList<string> Alive)
{
    public static FileScore Zero(string path) => new(path, 0, 0, 0, 0, 0, []);

    public static FileScore Count(string path, JsonElement mutants)
    {
        var score = Zero(path);
        var alive = new List<string>();
        foreach (var mutant in mutants.EnumerateArray())
        {
            var status = mutant.GetProperty("status").GetString();
            score = status switch
            {
                "Killed" => score with { Killed = score.Killed + 1 },
                "Timeout" => score with { Timeout = score.Timeout + 1 },
                "Survived" => score with { Survived = score.Survived + 1 },
                "NoCoverage" => score with { NoCoverage = score.NoCoverage + 1 },
                "Ignored" => score with { Ignored = score.Ignored + 1 },
                _ => score,
            };
            if (status is "Survived" or "NoCoverage")
            {
                var line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                var replacement = mutant.TryGetProperty("replacement", out var text) ? text.GetString() : "";
                alive.Add($"line {line,4} {status,-10} {mutant.GetProperty("mutatorName").GetString()}: {replacement}");
            }
        }

        return score with { Alive = alive };
    }

    private int Detected => Killed + Timeout;

    private int Valid => Detected + Survived + NoCoverage;

    /// <summary>100 when nothing could be tested (no valid mutant), like Stryker.</summary>
    public double Score => Valid == 0 ? 100 : 100.0 * Detected / Valid;

    public string ScoreText => Score.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public FileScore Plus(FileScore other) => new(Path, Killed + other.Killed, Timeout + other.Timeout,
        Survived + other.Survived, NoCoverage + other.NoCoverage, Ignored + other.Ignored, []);
}
