using ImageToMusic.Bots.Discord;
using ImageToMusic.Engine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Imaging;
using ImageToMusic.Engine.Music.Story;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Engine.Surveys;
using ImageToMusic.Server.Uploads;

namespace ImageToMusic.Server.Hosting;

/// <summary>
/// Everything the functions work with, built once per process: the engine (analyzer and catalog index,
/// inside the recommender), the stores, where uploads are read from, and the user-id salt.
/// </summary>
public sealed class Backend(Recommender recommender, IAnalysisStore analyses, IFeedbackStore feedback, SurveyService surveyService, ISurveyStore surveys,
    IUploads uploads, string userSalt,
    DiscordOptions? discord = null, IDisposable? owned = null) : IDisposable
{
    public Recommender Recommender { get; } = recommender;
    public IAnalysisStore Analyses { get; } = analyses;
    public IFeedbackStore Feedback { get; } = feedback;
    public FeedbackService FeedbackService { get; } = new(analyses, feedback, userSalt);
    public StoryService Stories { get; } = new(recommender, analyses);
    public SurveyService SurveyService { get; } = surveyService;
    public ISurveyStore Surveys { get; } = surveys;
    public IUploads Uploads { get; } = uploads;
    public string UserSalt { get; } = userSalt;
    public ImageLimits Limits => Recommender.Analyzer.Limits;
    /// <summary>Null when the Discord bot is not configured.</summary>
    public DiscordOptions? Discord { get; } = discord;

    public void Dispose()
    {
        Recommender.Analyzer.Dispose();
        owned?.Dispose();
    }
}
