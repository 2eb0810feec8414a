namespace ImageToMusic.Engine.Tests;

public sealed class ArgumentExceptionTextTests
{
    [Fact]
    public void The_reason_drops_only_the_parameter_suffix_dotnet_appends()
    {
        var named = new ArgumentException("Track 't9' was not suggested in recommendation rec-2.", "trackId");
        var unnamed = new ArgumentException("A story has 1 to 20 photos, got 0.");

        Assert.EndsWith(" (Parameter 'trackId')", named.Message);
        Assert.Equal("Track 't9' was not suggested in recommendation rec-2.", named.Reason());
        Assert.Equal("A story has 1 to 20 photos, got 0.", unnamed.Reason());
    }
}
