using ImageToMusic.Engine.Storage;

namespace ImageToMusic.Engine.Tests.Storage;

public class StoreLocationTests
{
    [Fact]
    public void An_explicit_path_wins_over_everything()
    {
        Assert.Equal(Path.GetFullPath("my.db"), StoreLocation.Resolve("my.db", "/home/x/itm", "/home/x/.local/share"));
    }

    [Fact]
    public void The_home_variable_names_the_folder_of_the_database()
    {
        Assert.Equal("/srv/itm/imagetomusic.db", StoreLocation.Resolve(null, "/srv/itm", "/home/x/.local/share"));
    }

    [Fact]
    public void Otherwise_the_database_lives_in_local_application_data()
    {
        Assert.Equal("/home/x/.local/share/ImageToMusic/imagetomusic.db", StoreLocation.Resolve(" ", "", "/home/x/.local/share"));
    }

    [Fact]
    public void Without_any_place_the_error_says_how_to_give_one()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StoreLocation.Resolve(null, null, ""));

        Assert.Contains(StoreLocation.HomeEnvironmentVariable, error.Message);
    }
}
