namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>What the emulated host runs: the built app folder, the one function key, the worker's app settings.</summary>
internal sealed record FunctionHostOptions(string AppDirectory, string FunctionKey, IReadOnlyDictionary<string, string> AppSettings);
