using System.CommandLine;
using ImageToMusic.Engine.Feedback;
using ImageToMusic.Engine.Storage;
using ImageToMusic.Storage.Sqlite;

namespace ImageToMusic.Cli.Commands;

/// <summary>`forget`: erases a community's or a person's votes from the store, as the privacy promise requires.</summary>
internal static class ForgetCommand
{
    public static Command Create()
    {
        var community = new Option<string?>("--community") { Description = "Erase every vote made in this Discord guild, Teams team or API client (its id)." };
        var user = new Option<string?>("--user") { Description = "Erase every vote and survey answer by this person, given as PLATFORM:ID (for example discord:80351110224678912, or survey:ID for a survey respondent)." };
        var store = CommonOptions.Store();
        var command = new Command("forget",
            "Erase feedback: all votes of one community, or all votes and survey answers of one user (their id is hashed with this store's salt, " +
            "$IMAGETOMUSIC_USER_SALT or the user-salt file beside the store, to find the stored votes).")
            { community, user, store };
        command.SetAction((result, cancellation) => Failures.Guard(async () =>
        {
            var (communityId, userId) = (result.GetValue(community), result.GetValue(user));
            if ((communityId is null) == (userId is null)) throw new ArgumentException("Give exactly one of --community ID or --user PLATFORM:ID.");
            var storePath = StoreLocation.Resolve(result.GetValue(store));
            var database = SqliteDatabase.Open(storePath);
            var feedback = new SqliteFeedbackStore(database);
            if (communityId is not null)
            {
                var erased = await feedback.EraseCommunityAsync(communityId, cancellation);
                Console.WriteLine($"erased {Count(erased, "vote")} of community {communityId} from {storePath}");
            }
            else
            {
                var hash = HashOf(userId!, Path.GetDirectoryName(storePath)!);
                var (votes, answers) = (await feedback.EraseUserAsync(hash, cancellation), await new SqliteSurveyStore(database).EraseRespondentAsync(hash, cancellation));
                Console.WriteLine($"erased {Count(votes, "vote")} and {Count(answers, "survey answer")} of user {userId} from {storePath}");
            }
            return 0;
        }));
        return command;
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";

    private static string HashOf(string platformAndId, string home)
    {
        var separator = platformAndId.IndexOf(':');
        if (separator <= 0 || separator == platformAndId.Length - 1)
            throw new ArgumentException($"--user '{platformAndId}' is not PLATFORM:ID (for example discord:80351110224678912).");
        var salt = UserSalts.Find(home) ?? throw new InvalidOperationException(
            $"No user salt: ${Server.AppSettings.UserSalt} is not set and there is no {UserSalts.FileName} file in {home}, so no vote here was stored under a user's hash.");
        return UserIds.Hash(salt, platformAndId[..separator], platformAndId[(separator + 1)..]);
    }
}
