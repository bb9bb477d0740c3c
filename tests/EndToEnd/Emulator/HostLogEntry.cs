using Microsoft.Extensions.Logging;

namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>One line of the emulated host's output.</summary>
internal sealed record HostLogEntry(HostLogSource Source, LogLevel Level, string Message);
