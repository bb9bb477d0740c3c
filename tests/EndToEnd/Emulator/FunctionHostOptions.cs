namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>What the emulated host runs: the built app folder, its function and master keys, the worker's app settings.</summary>
internal sealed record FunctionHostOptions(string AppDirectory, string FunctionKey, string MasterKey, IReadOnlyDictionary<string, string> AppSettings);
