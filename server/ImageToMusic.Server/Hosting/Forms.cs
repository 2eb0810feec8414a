namespace ImageToMusic.Server.Hosting;

/// <summary>Reading a form body, where a malformed one is the caller's mistake, not ours.</summary>
public static class Forms
{
    /// <summary>
    /// Reads a multipart or URL-encoded form. A malformed one — no boundary or the wrong one, cut short, more than
    /// ASP.NET Core's 1,024 fields, a part header over its 16 KB — is a 400 that says what is wrong.
    /// </summary>
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        try
        {
            return await request.ReadFormAsync(cancellation);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellation.IsCancellationRequested)
        {
            throw ApiProblem.BadRequest($"The form cannot be read: {e.Message}");
        }
    }
}
