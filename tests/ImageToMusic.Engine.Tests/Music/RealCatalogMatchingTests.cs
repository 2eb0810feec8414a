using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>The ranking on the real 10k-song catalog with the shipped track mood model.</summary>
public class RealCatalogMatchingTests
{
    private static readonly Lazy<CatalogIndex> Index = new(() => CatalogIndex.Build(
        CatalogFile.ReadDistinct(TestData.Catalog("spotify_songs_9961.csv")),
        TrackMoodModelFile.Load(Path.Combine(TestData.Models, TrackMoodModel.DefaultFileName))));

    private static readonly VisualEvidence WarmSoftNatural = new([new PaletteColour("#557733", "green", 0.6), new PaletteColour("#aa7744", "brown", 0.4)], 0.6, 0.5, 0.35, 0.12, 60, 0.05);
    private static readonly VisualEvidence CoolHardUrban = new([new PaletteColour("#203040", "dark blue", 0.7), new PaletteColour("#c0c0c0", "light grey", 0.3)], 0.25, 0.15, -0.25, 0.36, 15, 0.45);

    [Fact]
    public void With_the_mood_fixed_the_evidence_changes_which_tracks_are_picked_and_why()
    {
        var warm = Matcher.Rank(Index.Value, new MoodQuery(7, 3, WarmSoftNatural));
        var cool = Matcher.Rank(Index.Value, new MoodQuery(7, 3, CoolHardUrban));

        Assert.Empty(warm.Select(s => s.Track.Id).Intersect(cool.Select(s => s.Track.Id)));
        Assert.All(warm.Concat(cool), s => Assert.Equal(MusicMoods.Calm, s.Mood.Word));
        Assert.True(warm.Average(s => s.Track.Features.Acousticness) > cool.Average(s => s.Track.Features.Acousticness));
        Assert.Contains(warm, s => s.Reason.Contains("acoustic"));
    }

    [Theory]
    [InlineData(7.5, 7.5, MusicMoods.Happy)]
    [InlineData(2.5, 2.5, MusicMoods.Sad)]
    [InlineData(2.5, 7.5, MusicMoods.Energetic)]
    [InlineData(7.5, 2.5, MusicMoods.Calm)]
    public void A_clear_photo_mood_gets_tracks_of_that_mood(double valence, double arousal, string mood)
    {
        var evidence = new VisualEvidence([new PaletteColour("#808080", "grey", 1)], 0.41, 0.36, 0.10, 0.23, 39, 0.19);

        var suggestions = Matcher.Rank(Index.Value, new MoodQuery(valence, arousal, evidence), new MatchOptions { Top = 10 });

        Assert.Equal(10, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal(mood, s.Mood.Word));
        Assert.All(suggestions, s => Assert.True(s.MoodFit > 0.8, $"{s.Track.Title}: fit {s.MoodFit:F2}"));
    }
}
