namespace CorsFunctions.Core.Http;

/// <summary>Why an <c>Access-Control-Request-Headers</c> value could not be read.</summary>
internal enum RequestHeaderNamesError
{
    None,
    TooLong,
    TooManyNames,
    InvalidName,
}
