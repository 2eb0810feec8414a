namespace ImageToMusic.Engine;

/// <summary>
/// The engine refuses a caller's bad argument with an <see cref="ArgumentException"/> naming the parameter; a door
/// shows the reason to a person, without the " (Parameter 'x')" that .NET appends to the message.
/// </summary>
public static class ArgumentExceptionText
{
    public static string Reason(this ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
