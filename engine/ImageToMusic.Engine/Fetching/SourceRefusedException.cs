namespace ImageToMusic.Engine.Fetching;

/// <summary>
/// A URL someone gave us could not be used: not allowed, or nothing usable came back. The message is the same
/// whatever the cause (a refused address, a closed port, a timeout, an error status), so answers cannot be used to
/// probe what lies behind the URL; the cause is kept for the log.
/// </summary>
public sealed class SourceRefusedException(string cause, Exception? inner = null)
    : Exception("The image could not be fetched from that URL: it must be a public https address that serves the image.", inner)
{
    /// <summary>Stable machine-readable code for every door's error shape.</summary>
    public const string Code = "source_not_allowed";

    /// <summary>What actually happened; for logs, never for the caller.</summary>
    public string Cause { get; } = cause;
}
