namespace CorsFunctions.EndToEnd.Emulator;

/// <summary>The key level an HTTP trigger asks for (<c>authLevel</c> in its binding).</summary>
internal enum AuthLevel
{
    Anonymous,
    Function,
    Admin,
}
