using Microsoft.Data.Sqlite;

namespace ImageToMusic.Storage.Sqlite;

/// <summary>
/// The database layout and how an older file is brought up to date: migration N takes a file from
/// user_version N to N + 1, each in its own transaction. Only ever append migrations.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>"ITM1" in PRAGMA application_id, so a file from another program is not mistaken for ours.</summary>
    public const int ApplicationId = 0x49544D31;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE tracks (
            id TEXT PRIMARY KEY NOT NULL,
            match_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            album TEXT,
            explicit INTEGER,
            year INTEGER,
            popularity INTEGER,
            link TEXT,
            valence REAL NOT NULL,
            energy REAL NOT NULL,
            danceability REAL NOT NULL,
            acousticness REAL NOT NULL,
            instrumentalness REAL NOT NULL,
            speechiness REAL NOT NULL,
            liveness REAL NOT NULL,
            tempo_bpm REAL NOT NULL,
            loudness_db REAL NOT NULL,
            key INTEGER,
            mode INTEGER,
            duration_ms INTEGER,
            time_signature INTEGER);
        CREATE TABLE track_genres (
            track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            genre TEXT NOT NULL,
            PRIMARY KEY (track_id, position));
        CREATE INDEX track_genres_by_genre ON track_genres(genre);
        CREATE TABLE analyses (
            id TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL,
            source TEXT NOT NULL,
            image_sha256 TEXT NOT NULL,
            model_version TEXT NOT NULL,
            valence REAL NOT NULL,
            arousal REAL NOT NULL,
            emotions_json TEXT NOT NULL,
            evidence_json TEXT NOT NULL);
        CREATE INDEX analyses_by_image ON analyses(image_sha256);
        CREATE TABLE recommendations (
            id TEXT PRIMARY KEY NOT NULL,
            analysis_id TEXT NOT NULL REFERENCES analyses(id),
            created_at TEXT NOT NULL,
            options TEXT NOT NULL);
        CREATE INDEX recommendations_by_analysis ON recommendations(analysis_id, created_at);
        CREATE TABLE recommendation_tracks (
            recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
            rank INTEGER NOT NULL,
            track_id TEXT NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            score REAL NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (recommendation_id, rank));
        """,
        """
        ALTER TABLE analyses ADD COLUMN timings_json TEXT;
        CREATE TABLE analysis_failures (
            id TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL,
            source TEXT NOT NULL,
            error_code TEXT NOT NULL,
            error_message TEXT NOT NULL);
        """,
        // No foreign key to recommendations: votes arrive from other services and are kept even when the
        // recommendation lives in another store, as in Cosmos DB.
        """
        CREATE TABLE feedback (
            id TEXT PRIMARY KEY NOT NULL,
            recommendation_id TEXT NOT NULL,
            track_id TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            vote TEXT NOT NULL,
            platform TEXT NOT NULL,
            community TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE INDEX feedback_by_recommendation ON feedback(recommendation_id, created_at);
        """,
        """
        ALTER TABLE analyses ADD COLUMN source_version TEXT;
        """,
        // Erasing a user or a community (`forget`) finds their votes without reading the whole table.
        """
        CREATE INDEX feedback_by_user ON feedback(user_hash);
        CREATE INDEX feedback_by_community ON feedback(community);
        """,
        """
        CREATE TABLE surveys (
            id TEXT PRIMARY KEY NOT NULL,
            analysis_id TEXT NOT NULL,
            recommendation_id TEXT NOT NULL,
            batch TEXT,
            created_at TEXT NOT NULL,
            preview BLOB NOT NULL);
        CREATE TABLE survey_answers (
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            respondent_hash TEXT NOT NULL,
            mood TEXT,
            comment TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (survey_id, respondent_hash));
        CREATE INDEX survey_answers_by_respondent ON survey_answers(respondent_hash);
        CREATE INDEX survey_answers_by_time ON survey_answers(updated_at);
        """,
        // A catalog's own word on whether a track is a song (null: NonSongRule decides).
        """
        ALTER TABLE tracks ADD COLUMN is_song INTEGER;
        """,
        // Channels where the bots answer every posted photo; a row records the latest switch, on or off.
        """
        CREATE TABLE auto_reply_channels (
            platform TEXT NOT NULL,
            community TEXT NOT NULL,
            channel TEXT NOT NULL,
            is_on INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (platform, community, channel));
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"));
        var applicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id"));
        if (version > LatestVersion)
            throw new InvalidDataException($"{path} was written by a newer ImageToMusic (schema version {version}; this version reads up to {LatestVersion}). Upgrade ImageToMusic or use another store.");
        var isEmpty = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_schema")) == 0;
        if (applicationId != ApplicationId && !(applicationId == 0 && isEmpty))
            throw new InvalidDataException($"{path} is an SQLite database of another application, not an ImageToMusic store.");

        // WAL lets readers (a suggest call) run while an import writes; the setting is kept in the file.
        Scalar(connection, "PRAGMA journal_mode = WAL");
        for (var next = version; next < LatestVersion; next++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = $"{Migrations[next]};\nPRAGMA user_version = {next + 1};\nPRAGMA application_id = {ApplicationId};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
