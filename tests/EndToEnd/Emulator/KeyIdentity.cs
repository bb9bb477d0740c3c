namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>What the host knows about a valid key: its level and its name.</summary>
internal sealed record KeyIdentity(AuthLevel Level, string Name);
