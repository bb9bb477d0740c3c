namespace CorsFunctions.Worker.Management;

/// <summary>
/// One thing wrong with a JSON body or policy file, in the document's own terms: where (a JSON path such as
/// <c>$.policies[0].routes</c>; a member name the client sent is cut and reduced to printable ASCII) and what
/// (<c>must be an array of strings</c>). Never a .NET type name.
/// </summary>
/// <param name="Path">Where, as a JSON path from the root <c>$</c>.</param>
/// <param name="Message">What is wrong there, to read after the path.</param>
internal sealed record JsonInputError(string Path, string Message)
{
    /// <summary><c>$.maxAgeSeconds must be a whole number</c>.</summary>
    public override string ToString() => $"{Path} {Message}";
}
