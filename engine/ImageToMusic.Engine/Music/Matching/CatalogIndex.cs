using ImageToMusic.Engine.Music.Personalisation;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// The catalog laid out for ranking: one float column per scored property (the track's place in the mood plane as
/// V, V², A, A², so that the log of a Gaussian fit around any photo is a weighted sum of them; then one per
/// <see cref="EvidenceAxes"/> axis, then one per <see cref="TasteFeatures"/> feature for community preferences), so
/// a track's score is a dot product computed column by column with SIMD. Built once per catalog and model;
/// immutable and thread-safe afterwards.
/// </summary>
public sealed class CatalogIndex
{
    private readonly Dictionary<string, int> genreIds;

    private CatalogIndex(IReadOnlyList<Track> tracks, float[][] columns, float[][] moods, int[] artistIds, int[] songIds,
        float[] tempo, sbyte[] explicitFlags, float[] nonSong, int[][] genres, Dictionary<string, int> genreIds, string moodSource)
    {
        Tracks = tracks;
        Columns = columns;
        Moods = moods;
        ArtistIds = artistIds;
        SongIds = songIds;
        Tempo = tempo;
        Explicit = explicitFlags;
        NonSongPenalty = nonSong;
        Genres = genres;
        this.genreIds = genreIds;
        MoodSource = moodSource;
        ValenceRange = Spread(columns[0]);
        ArousalRange = Spread(columns[2]);
    }

    private static (double Low, double High) Spread(float[] values)
    {
        if (values.Length == 0) return (1, 9);
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return (At(0.02), At(0.98));
    }

    /// <summary>Columns 0–3: the track's valence V, V², arousal A, A² on the 1–9 scale.</summary>
    public const int PositionColumns = 4;
    public static int TasteColumnStart => PositionColumns + EvidenceAxes.All.Count;
    public static int ColumnCount => TasteColumnStart + TasteFeatures.All.Count;

    public IReadOnlyList<Track> Tracks { get; }
    public int Count => Tracks.Count;
    /// <summary>Where this catalog's tracks lie on each axis: 2nd to 98th percentile. A photo is never placed beyond it,
    /// so the most extreme photo gets the most extreme music there is, not a fit of nothing.</summary>
    public (double Low, double High) ValenceRange { get; }
    public (double Low, double High) ArousalRange { get; }

    /// <summary>Where the track moods came from: the track mood model's version, or what supplied them instead.</summary>
    public string MoodSource { get; }

    internal float[][] Columns { get; }
    /// <summary>The track mood probabilities, one array per <see cref="MusicMoods.All"/> word: described, not scored.</summary>
    internal float[][] Moods { get; }
    internal int[] ArtistIds { get; }
    internal int[] SongIds { get; }
    internal float[] Tempo { get; }
    /// <summary>1 explicit, 0 clean, −1 unknown.</summary>
    internal sbyte[] Explicit { get; }
    /// <summary>−∞ for what <see cref="Catalog.NonSongRule"/> says is not a song, 0 for songs: added to the scores
    /// (one SIMD pass) to leave non-songs out unless asked for.</summary>
    internal float[] NonSongPenalty { get; }

    /// <summary>Whether track <paramref name="i"/> is a song, as decided once when the index was built.</summary>
    public bool IsSong(int i) => NonSongPenalty[i] == 0;
    internal int[][] Genres { get; }

    /// <summary>Builds the index with each track's moods from the track mood model.</summary>
    public static CatalogIndex Build(IReadOnlyList<Track> tracks, TrackMoodModel moods) =>
        Build(tracks, (i, p) => moods.Probabilities(tracks[i].Features, p), moods.Version);

    /// <summary>Builds the index with mood probabilities given per track (evaluation uses out-of-fold ones; tests set them by hand).</summary>
    public static CatalogIndex Build(IReadOnlyList<Track> tracks, IReadOnlyList<double[]> moodProbabilities, string moodSource)
    {
        if (moodProbabilities.Count != tracks.Count)
            throw new ArgumentException($"{moodProbabilities.Count} mood vectors for {tracks.Count} tracks.");
        return Build(tracks, (i, p) => moodProbabilities[i].CopyTo(p), moodSource);
    }

    private delegate void MoodsOf(int track, Span<double> probabilities);

    private static CatalogIndex Build(IReadOnlyList<Track> tracks, MoodsOf moodsOf, string moodSource)
    {
        var n = tracks.Count;
        var columns = Enumerable.Range(0, ColumnCount).Select(_ => new float[n]).ToArray();
        var moods = Enumerable.Range(0, MusicMoods.All.Count).Select(_ => new float[n]).ToArray();
        var artistIds = new int[n];
        var songIds = new int[n];
        var tempo = new float[n];
        var explicitFlags = new sbyte[n];
        var nonSong = new float[n];
        var genres = new int[n][];
        var artists = new Dictionary<string, int>();
        var songs = new Dictionary<string, int>();
        var genreIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Span<double> p = stackalloc double[MusicMoods.All.Count];
        for (var i = 0; i < n; i++)
        {
            var track = tracks[i];
            moodsOf(i, p);
            for (var k = 0; k < p.Length; k++) moods[k][i] = (float)p[k];
            var place = TrackMoodModel.FromProbabilities(p);
            columns[0][i] = (float)place.Valence;
            columns[1][i] = (float)(place.Valence * place.Valence);
            columns[2][i] = (float)place.Arousal;
            columns[3][i] = (float)(place.Arousal * place.Arousal);
            for (var a = 0; a < EvidenceAxes.All.Count; a++)
                columns[PositionColumns + a][i] = (float)EvidenceAxis.Direction(EvidenceAxes.All[a].TrackCues(track.Features));
            for (var f = 0; f < TasteFeatures.All.Count; f++)
                columns[TasteColumnStart + f][i] = (float)TasteFeatures.All[f].Of(track.Features);
            artistIds[i] = Intern(artists, TrackIdentity.Normalise(track.Artist));
            songIds[i] = Intern(songs, track.MatchKey);
            tempo[i] = (float)track.Features.TempoBpm;
            explicitFlags[i] = track.Explicit switch { true => 1, false => 0, null => -1 };
            nonSong[i] = Catalog.NonSongRule.IsSong(track) ? 0 : float.NegativeInfinity;
            genres[i] = track.Genres.Count == 0 ? [] : [.. track.Genres.Select(g => Intern(genreIds, g.Trim()))];
        }
        return new CatalogIndex(tracks, columns, moods, artistIds, songIds, tempo, explicitFlags, nonSong, genres, genreIds, moodSource);
    }

    public TrackMood MoodOf(int index)
    {
        Span<double> p = stackalloc double[MusicMoods.All.Count];
        for (var k = 0; k < p.Length; k++) p[k] = Moods[k][index];
        return TrackMoodModel.FromProbabilities(p);
    }

    /// <summary>The id of a genre in this catalog, or −1 when no track has it.</summary>
    internal int GenreId(string genre) => genreIds.TryGetValue(genre.Trim(), out var id) ? id : -1;

    public IReadOnlyCollection<string> GenreNames => genreIds.Keys;

    private static int Intern(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
        return id;
    }
}
