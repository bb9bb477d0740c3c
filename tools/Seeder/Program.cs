using Azure.Data.Tables;
using CorsFunctions.Seeder;

// Usage: dotnet run --project tools/Seeder -- [--connection-string CS] [--file samples/policies.json]
//                                               [--table CorsPolicies] [--policy-set default]
var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--connection-string"] = "UseDevelopmentStorage=true",
    ["--file"] = "samples/policies.json",
    ["--table"] = "CorsPolicies",
    ["--policy-set"] = "default",
};
for (var i = 0; i < args.Length; i += 2)
{
    if (!settings.ContainsKey(args[i]) || i + 1 >= args.Length)
    {
        await Console.Error.WriteLineAsync($"seeder: unknown or incomplete option '{args[i]}'. Options: {string.Join(", ", settings.Keys)}.");
        return 2;
    }

    settings[args[i]] = args[i + 1];
}

var service = new TableServiceClient(settings["--connection-string"]);
IReadOnlyList<string> errors;
try
{
    errors = await PolicySeeder.SeedAsync(service, settings["--table"], settings["--policy-set"], settings["--file"], CancellationToken.None);
}
catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or IOException)
{
    errors = [$"seeder: cannot seed: {e.Message}"];
}

foreach (var error in errors)
{
    await Console.Error.WriteLineAsync(error);
}

Console.WriteLine(errors.Count == 0
    ? $"seeder: {settings["--file"]} loaded into table {settings["--table"]}, policy set {settings["--policy-set"]}."
    : "seeder: nothing written.");
return errors.Count == 0 ? 0 : 1;
