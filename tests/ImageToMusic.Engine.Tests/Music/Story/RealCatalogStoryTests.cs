using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Vision;
using Xunit.Abstractions;

namespace ImageToMusic.Engine.Tests.Music.Story;

/// <summary>The story planner on the real 10k-song catalog with the shipped track mood model.</summary>
public class RealCatalogStoryTests(ITestOutputHelper output)
{
    private static readonly Lazy<CatalogIndex> Index = new(() => CatalogIndex.Build(
        CatalogFile.ReadDistinct(TestData.Catalog("spotify_songs_9961.csv")),
        TrackMoodModelFile.Load(Path.Combine(TestData.Models, TrackMoodModel.DefaultFileName))));

    private static readonly VisualEvidence WarmSoftNatural = new([new PaletteColour("#557733", "green", 0.6), new PaletteColour("#aa7744", "brown", 0.4)], 0.6, 0.5, 0.35, 0.12, 60, 0.05);
    private static readonly VisualEvidence CoolHardUrban = new([new PaletteColour("#203040", "dark blue", 0.7), new PaletteColour("#c0c0c0", "light grey", 0.3)], 0.25, 0.15, -0.25, 0.36, 15, 0.45);
    private static readonly VisualEvidence VividParty = new([new PaletteColour("#e03070", "pink", 0.5), new PaletteColour("#f0c020", "yellow", 0.5)], 0.6, 0.8, 0.4, 0.3, 95, 0.35);

    /// <summary>A day out that swings between moods: beach party, quiet forest, night city, rainy window, party again, sunset.</summary>
    private static readonly MoodQuery[] ContrastingStory =
    [
        new(7.8, 7.5, VividParty),
        new(7.0, 2.8, WarmSoftNatural),
        new(3.0, 7.2, CoolHardUrban),
        new(2.6, 2.7, CoolHardUrban),
        new(7.5, 7.8, VividParty),
        new(6.5, 3.5, WarmSoftNatural),
    ];

    [Fact]
    public void Smoothing_lowers_the_tempo_jumps_of_taking_each_photos_best_track_while_every_pick_stays_in_its_top_20()
    {
        var story = StoryPlanner.Plan(Index.Value, ContrastingStory, new StoryOptions());
        var topPerPhoto = ContrastingStory.Select(p => Matcher.Rank(Index.Value, p, new MatchOptions { Top = 20 })).ToList();
        var naive = topPerPhoto.Select(list => list[0].Track.Features.TempoBpm).ToList();
        var naiveJump = naive.Zip(naive.Skip(1), (a, b) => Math.Abs(b - a)).Average();
        output.WriteLine($"mean tempo jump: top-1 per photo {naiveJump:F1} BPM, smoothed {story.MeanTempoJumpBpm:F1} BPM");

        Assert.Equal(ContrastingStory.Length, story.Tracks.Count);
        Assert.True(story.MeanTempoJumpBpm < naiveJump, $"smoothed {story.MeanTempoJumpBpm:F1} vs naive {naiveJump:F1}");
        Assert.All(story.Tracks, t => Assert.Contains(t.Suggestion.Track.Id, topPerPhoto[t.ImageIndex!.Value].Select(s => s.Track.Id)));
        Assert.All(story.Tracks, t => Assert.Equal(topPerPhoto[t.ImageIndex!.Value][0].Mood.Word, t.Suggestion.Mood.Word));
        Assert.Equal(story.Tracks.Count, story.Tracks.Select(t => TrackIdentity.Normalise(t.Suggestion.Track.Artist)).Distinct().Count());
    }

    [Fact]
    public void Whole_mode_fills_half_an_hour_within_one_track_without_repeats()
    {
        var story = StoryPlanner.Plan(Index.Value, ContrastingStory, new StoryOptions { Mode = StoryMode.Whole, TargetDurationSeconds = 1800 });

        var longest = story.Tracks.Max(t => StoryPlanner.SecondsOf(t.Suggestion.Track));
        output.WriteLine($"{story.Tracks.Count} tracks, {story.TotalDurationSeconds:F0} s, mood {story.Mood.Word}, mean tempo jump {story.MeanTempoJumpBpm:F1} BPM");
        Assert.InRange(story.TotalDurationSeconds, 1800, 1800 + longest);
        Assert.Equal(story.Tracks.Count, story.Tracks.Select(t => TrackIdentity.Normalise(t.Suggestion.Track.Artist)).Distinct().Count());
        Assert.Equal(story.Tracks.Count, story.Tracks.Select(t => t.Suggestion.Track.MatchKey).Distinct().Count());
    }
}
