using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Matching;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Vision;

namespace ImageToMusic.Engine.Tests.Music.Story;

/// <summary>The story planner on small catalogs whose track moods are set by hand, so each test controls what should win.</summary>
public class StoryPlannerTests
{
    private static readonly VisualEvidence Neutral = new([new PaletteColour("#808080", "grey", 1)], 0.41, 0.36, 0.10, 0.23, 39, 0.19);
    private const int Happy = 0, Sad = 1, Energetic = 2, Calm = 3;

    private static MoodQuery Photo(int mood) => mood switch
    {
        Happy => new MoodQuery(7.5, 7.5, Neutral),
        Sad => new MoodQuery(2.5, 2.5, Neutral),
        Energetic => new MoodQuery(2.5, 7.5, Neutral),
        _ => new MoodQuery(7.5, 2.5, Neutral),
    };

    private static (Track Track, double[] Mood) T(string id, string artist, int mood, double tempo = 120, double energy = 0.5,
        double confidence = 0.97, int? seconds = 200)
    {
        var p = Enumerable.Repeat((1 - confidence) / 3, 4).ToArray();
        p[mood] = confidence;
        var sound = new AudioFeatures(0.5, energy, 0.55, 0.5, 0.1, 0.05, 0.1, tempo, -9, Mode: 1, DurationMs: seconds * 1000);
        return (new Track(id, $"Song {id}", artist, sound), p);
    }

    private static CatalogIndex Index(params (Track Track, double[] Mood)[] entries) =>
        CatalogIndex.Build([.. entries.Select(e => e.Track)], [.. entries.Select(e => e.Mood)], "set by the test");

    /// <summary>Four tracks of each mood, each by its own artist, with varied tempo and energy.</summary>
    private static CatalogIndex FourOfEachMood() => Index([.. Enumerable.Range(0, 16).Select(i =>
        T($"{MusicMoods.All[i % 4].ToLowerInvariant()}{i / 4}", $"Artist {i}", i % 4, tempo: 80 + 7 * i, energy: 0.2 + 0.04 * i,
          confidence: 0.97 - 0.01 * (i / 4)))]);

    private static List<string> Ids(StorySoundtrack s) => [.. s.Tracks.Select(t => t.Suggestion.Track.Id)];

    [Fact]
    public void Per_image_each_photo_gets_a_track_of_its_mood_in_photo_order()
    {
        int[] moods = [Calm, Happy, Sad, Energetic, Happy];

        var story = StoryPlanner.Plan(FourOfEachMood(), [.. moods.Select(Photo)], new StoryOptions());

        Assert.Equal([0, 1, 2, 3, 4], story.Tracks.Select(t => t.ImageIndex!.Value));
        Assert.Equal([1, 2, 3, 4, 5], story.Tracks.Select(t => t.Position));
        Assert.Equal(moods.Select(m => MusicMoods.All[m]), story.Tracks.Select(t => t.Suggestion.Mood.Word));
        Assert.All(story.Tracks, t => Assert.True(t.Suggestion.MoodFit > 0.8));
    }

    [Theory]
    [InlineData(StoryMode.PerImage)]
    [InlineData(StoryMode.Whole)]
    public void The_same_photo_five_times_never_repeats_a_song_or_an_artist(StoryMode mode)
    {
        // The best two calm tracks share an artist, and one song is listed twice.
        var index = Index(
            T("c1", "Same", Calm, confidence: 0.99), T("c2", "same!", Calm, confidence: 0.98),
            T("c3", "B", Calm, confidence: 0.97),
            (new Track("c3-again", "Song c3", "B", T("x", "B", Calm).Track.Features), [0.01, 0.01, 0.01, 0.97]),
            T("c4", "C", Calm, confidence: 0.96), T("c5", "D", Calm, confidence: 0.95), T("c6", "E", Calm, confidence: 0.94),
            T("c7", "F", Calm, confidence: 0.93));

        var story = StoryPlanner.Plan(index, [.. Enumerable.Repeat(Photo(Calm), 5)], new StoryOptions { Mode = mode });

        Assert.Equal(5, story.Tracks.Count);
        Assert.Equal(5, story.Tracks.Select(t => TrackIdentity.Normalise(t.Suggestion.Track.Artist)).Distinct().Count());
        Assert.Equal(5, story.Tracks.Select(t => t.Suggestion.Track.MatchKey).Distinct().Count());
    }

    [Fact]
    public void A_slightly_weaker_fit_is_chosen_when_it_avoids_a_tempo_and_energy_jump()
    {
        var index = Index(
            T("calm-slow", "A", Calm, tempo: 80, energy: 0.3),
            T("happy-fast", "B", Happy, tempo: 170, energy: 0.9, confidence: 0.97),
            T("happy-steady", "C", Happy, tempo: 90, energy: 0.4, confidence: 0.95));
        MoodQuery[] photos = [Photo(Calm), Photo(Happy)];

        var story = StoryPlanner.Plan(index, photos, new StoryOptions());

        Assert.Equal("happy-fast", Matcher.Rank(index, photos[1], new MatchOptions { Top = 1 })[0].Track.Id);
        Assert.Equal(["calm-slow", "happy-steady"], Ids(story));
        Assert.Equal(2, story.Tracks[1].Suggestion.Rank);
        Assert.Equal(10, story.MeanTempoJumpBpm, 6);
    }

    [Fact]
    public void Transitions_record_the_tempo_and_energy_change_from_the_previous_track()
    {
        var index = Index(T("calm", "A", Calm, tempo: 80, energy: 0.3), T("happy", "B", Happy, tempo: 128, energy: 0.8));

        var story = StoryPlanner.Plan(index, [Photo(Calm), Photo(Happy)], new StoryOptions());

        Assert.Null(story.Tracks[0].Transition);
        Assert.Equal(48, story.Tracks[1].Transition!.TempoDeltaBpm, 6);
        Assert.Equal(0.5, story.Tracks[1].Transition!.EnergyDelta, 6);
        Assert.Equal("+48 BPM, energy +0.50", story.Tracks[1].Transition!.Note);
    }

    [Fact]
    public void Per_image_with_a_target_duration_gives_each_photo_an_equal_share()
    {
        var story = StoryPlanner.Plan(FourOfEachMood(), [Photo(Calm), Photo(Happy), Photo(Sad)],
            new StoryOptions { TargetDurationSeconds = 1400 });

        // 1400 s at 200 s a track is 7 tracks: 3 + 2 + 2, the earlier photo taking the remainder.
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], story.Tracks.Select(t => t.ImageIndex!.Value));
        Assert.Equal(1400, story.TotalDurationSeconds);
        Assert.Equal(["Calm", "Calm", "Calm", "Happy", "Happy", "Sad", "Sad"], story.Tracks.Select(t => t.Suggestion.Mood.Word));
    }

    [Fact]
    public void A_long_story_from_one_photo_draws_on_more_than_its_top_20_without_repeats()
    {
        var index = Index([.. Enumerable.Range(0, 40).Select(i =>
            T($"c{i}", $"Artist {i}", Calm, tempo: 60 + 2 * i, confidence: 0.97 - 0.005 * i, seconds: 100))]);

        var story = StoryPlanner.Plan(index, [Photo(Calm)], new StoryOptions { TargetDurationSeconds = 2500 });

        Assert.Equal(25, story.Tracks.Count);
        Assert.Equal(2500, story.TotalDurationSeconds);
        Assert.Equal(25, story.Tracks.Select(t => t.Suggestion.Track.Artist).Distinct().Count());
    }

    [Fact]
    public void Whole_mode_reaches_the_target_within_one_track_without_repeats()
    {
        var index = Index([.. Enumerable.Range(0, 30).Select(i =>
            T($"t{i}", $"Artist {i % 25}", i % 2 == 0 ? Calm : Happy, tempo: 70 + 3 * i, seconds: 150 + 37 * (i % 5)))]);

        var story = StoryPlanner.Plan(index, [Photo(Calm), Photo(Happy)],
            new StoryOptions { Mode = StoryMode.Whole, TargetDurationSeconds = 2000 });

        var longest = story.Tracks.Max(t => StoryPlanner.SecondsOf(t.Suggestion.Track));
        Assert.InRange(story.TotalDurationSeconds, 2000, 2000 + longest);
        Assert.All(story.Tracks, t => Assert.Null(t.ImageIndex));
        Assert.Equal(story.Tracks.Count, story.Tracks.Select(t => TrackIdentity.Normalise(t.Suggestion.Track.Artist)).Distinct().Count());
    }

    [Fact]
    public void Whole_mode_rises_to_its_most_intense_track_and_then_eases()
    {
        var story = StoryPlanner.Plan(FourOfEachMood(), [Photo(Happy), Photo(Energetic), Photo(Happy), Photo(Calm), Photo(Sad)],
            new StoryOptions { Mode = StoryMode.Whole });

        var intensity = story.Tracks
            .Select(t => EvidenceAxis.Direction(EvidenceAxes.Intensity.TrackCues(t.Suggestion.Track.Features))).ToList();
        var peak = intensity.IndexOf(intensity.Max());
        Assert.Equal(5, story.Tracks.Count);
        Assert.InRange(peak, 1, 3);
        for (var k = 1; k <= peak; k++) Assert.True(intensity[k] >= intensity[k - 1]);
        for (var k = peak + 1; k < intensity.Count; k++) Assert.True(intensity[k] <= intensity[k - 1]);
    }

    [Fact]
    public void Tracks_of_unknown_length_count_as_three_and_a_half_minutes()
    {
        var index = Index(T("a", "A", Calm, seconds: null), T("b", "B", Calm, seconds: null), T("c", "C", Calm, seconds: 100));

        var story = StoryPlanner.Plan(index, [Photo(Calm), Photo(Calm), Photo(Calm)], new StoryOptions { Mode = StoryMode.Whole });

        Assert.Equal(210 + 210 + 100, story.TotalDurationSeconds);
    }

    [Fact]
    public void The_story_mood_averages_the_photos()
    {
        var story = StoryPlanner.Plan(FourOfEachMood(), [new MoodQuery(7, 3, Neutral), new MoodQuery(6, 2, Neutral), new MoodQuery(3, 7, Neutral)],
            new StoryOptions());

        Assert.Equal(16 / 3.0, story.Mood.Valence, 6);
        Assert.Equal(4, story.Mood.Arousal, 6);
        Assert.Equal(MusicMoods.Calm, story.Mood.Word);
    }

    [Theory]
    [InlineData(StoryMode.PerImage)]
    [InlineData(StoryMode.Whole)]
    public void The_same_story_always_gets_the_same_soundtrack(StoryMode mode)
    {
        MoodQuery[] photos = [Photo(Sad), Photo(Happy), Photo(Happy), Photo(Calm)];
        var options = new StoryOptions { Mode = mode, TargetDurationSeconds = 1500 };

        var first = StoryPlanner.Plan(FourOfEachMood(), photos, options);
        var second = StoryPlanner.Plan(FourOfEachMood(), photos, options);

        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(first.Tracks.Select(t => (t.ImageIndex, t.Suggestion.Score, t.Suggestion.Reason)),
            second.Tracks.Select(t => (t.ImageIndex, t.Suggestion.Score, t.Suggestion.Reason)));
    }

    [Theory]
    [InlineData(0, null, "1 to 20 photos")]
    [InlineData(21, null, "1 to 20 photos")]
    [InlineData(3, 0.0, "target duration")]
    [InlineData(3, -60.0, "target duration")]
    [InlineData(3, 7201.0, "target duration")]
    public void Options_are_checked(int photos, double? seconds, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => StoryPlanner.Plan(FourOfEachMood(),
            [.. Enumerable.Repeat(Photo(Calm), photos)], new StoryOptions { TargetDurationSeconds = seconds }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Filters_are_checked_and_applied()
    {
        MoodQuery[] photos = [Photo(Calm), Photo(Happy)];

        Assert.Throws<ArgumentException>(() => StoryPlanner.Plan(FourOfEachMood(), photos,
            new StoryOptions { Filters = new MatchOptions { MinTempo = 150, MaxTempo = 100 } }));
        var slow = StoryPlanner.Plan(FourOfEachMood(), photos, new StoryOptions { Filters = new MatchOptions { MaxTempo = 120 } });
        Assert.All(slow.Tracks, t => Assert.True(t.Suggestion.Track.Features.TempoBpm <= 120));
    }
}
