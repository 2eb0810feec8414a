using ImageToMusic.Engine.Music.Personalisation;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>
/// The catalog laid out for ranking: one float column per scored property (four mood probabilities, then
/// one per <see cref="EvidenceAxes"/> axis, then one per <see cref="TasteFeatures"/> feature for community
/// preferences), so a track's score is a dot product computed column by
/// column with SIMD. Built once per catalog and model; immutable and thread-safe afterwards.
/// </summary>
public sealed class CatalogIndex
{
    private readonly Dictionary<string, int> genreIds;

    private CatalogIndex(IReadOnlyList<Track> tracks, float[][] columns, int[] artistIds, int[] songIds,
        float[] tempo, sbyte[] explicitFlags, int[][] genres, Dictionary<string, int> genreIds, string moodSource)
    {
        Tracks = tracks;
        Columns = columns;
        ArtistIds = artistIds;
        SongIds = songIds;
        Tempo = tempo;
        Explicit = explicitFlags;
        Genres = genres;
        this.genreIds = genreIds;
        MoodSource = moodSource;
    }

    public static int MoodColumns => MusicMoods.All.Count;
    public static int TasteColumnStart => MoodColumns + EvidenceAxes.All.Count;
    public static int ColumnCount => TasteColumnStart + TasteFeatures.All.Count;

    public IReadOnlyList<Track> Tracks { get; }
    public int Count => Tracks.Count;
    /// <summary>Where the track moods came from: the track mood model's version, or what supplied them instead.</summary>
    public string MoodSource { get; }

    internal float[][] Columns { get; }
    internal int[] ArtistIds { get; }
    internal int[] SongIds { get; }
    internal float[] Tempo { get; }
    /// <summary>1 explicit, 0 clean, −1 unknown.</summary>
    internal sbyte[] Explicit { get; }
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
        var artistIds = new int[n];
        var songIds = new int[n];
        var tempo = new float[n];
        var explicitFlags = new sbyte[n];
        var genres = new int[n][];
        var artists = new Dictionary<string, int>();
        var songs = new Dictionary<string, int>();
        var genreIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Span<double> p = stackalloc double[MoodColumns];
        for (var i = 0; i < n; i++)
        {
            var track = tracks[i];
            moodsOf(i, p);
            for (var k = 0; k < MoodColumns; k++) columns[k][i] = (float)p[k];
            for (var a = 0; a < EvidenceAxes.All.Count; a++)
                columns[MoodColumns + a][i] = (float)EvidenceAxis.Direction(EvidenceAxes.All[a].TrackCues(track.Features));
            for (var f = 0; f < TasteFeatures.All.Count; f++)
                columns[TasteColumnStart + f][i] = (float)TasteFeatures.All[f].Of(track.Features);
            artistIds[i] = Intern(artists, TrackIdentity.Normalise(track.Artist));
            songIds[i] = Intern(songs, track.MatchKey);
            tempo[i] = (float)track.Features.TempoBpm;
            explicitFlags[i] = track.Explicit switch { true => 1, false => 0, null => -1 };
            genres[i] = track.Genres.Count == 0 ? [] : [.. track.Genres.Select(g => Intern(genreIds, g.Trim()))];
        }
        return new CatalogIndex(tracks, columns, artistIds, songIds, tempo, explicitFlags, genres, genreIds, moodSource);
    }

    public TrackMood MoodOf(int index)
    {
        Span<double> p = stackalloc double[MoodColumns];
        for (var k = 0; k < MoodColumns; k++) p[k] = Columns[k][index];
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
