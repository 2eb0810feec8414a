using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Mood;

namespace ImageToMusic.Engine.Tests.Mood;

/// <summary>The shipped model (models/mood-heads.json on the converted backbone) on real Emotion6 photos.</summary>
public class MoodAnalyzerTests
{
    private static MoodAnalyzer Open() => MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models });

    [Emotion6Fact]
    public void Joyful_photos_score_more_pleasant_than_sad_ones()
    {
        using var analyzer = Open();
        var val = LabelledImageSets.LoadEmotion6(TestData.Emotion6, "val");
        double MeanValence(string keyword) =>
            val.Where(i => i.Keyword == keyword).Take(25).Average(i => analyzer.AnalyzeFile(i.Path).Valence);

        var joy = MeanValence("joy");
        var sadness = MeanValence("sadness");

        Assert.True(joy - sadness > 1.0, $"mean predicted valence: joy {joy:F2}, sadness {sadness:F2}");
    }

    [Emotion6Fact]
    public void An_analysis_carries_mood_evidence_source_and_timings()
    {
        using var analyzer = Open();

        var analysis = analyzer.AnalyzeFile(Path.Combine(TestData.Emotion6Images, "joy", "1.jpg"));

        Assert.InRange(analysis.Valence, 1, 9);
        Assert.InRange(analysis.Arousal, 1, 9);
        Assert.Equal(Emotions.All.Order(), analysis.Emotions.Keys.Order());
        Assert.Equal(1.0, analysis.Emotions.Values.Sum(), 9);
        Assert.InRange(analysis.Evidence.Palette.Count, 1, 5);
        Assert.Equal(1.0, analysis.Evidence.Palette.Sum(c => c.Share), 0.06); // tiny clusters (<1%) are not listed
        Assert.Equal("jpeg", analysis.Source.Format);
        Assert.Equal(analyzer.Model.Version, analysis.ModelVersion);
        Assert.True(analysis.Timings.BackboneMs > 0 && analysis.Timings.DecodeMs > 0);
    }

    [Fact]
    public void Bad_bytes_reach_the_caller_as_typed_errors()
    {
        using var analyzer = Open();

        Assert.Equal(ImageErrorKind.Empty, Assert.Throws<ImageRejectedException>(() => analyzer.Analyze([])).Kind);
        Assert.Equal(ImageErrorKind.UnsupportedFormat,
            Assert.Throws<ImageRejectedException>(() => analyzer.Analyze("not an image"u8)).Kind);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(TestData.NewTempFolder(), "big.jpg");
        using (var file = File.Create(path)) file.SetLength(2048); // sparse: never written, so never read
        using var analyzer = MoodAnalyzer.Open(new MoodAnalyzerOptions { ModelFolder = TestData.Models, Limits = new ImageLimits { MaxBytes = 1024 } });

        var e = Assert.Throws<ImageRejectedException>(() => analyzer.AnalyzeFile(path));

        Assert.Equal(ImageErrorKind.TooLarge, e.Kind);
        Assert.Contains("limit", e.Message);
    }
}
