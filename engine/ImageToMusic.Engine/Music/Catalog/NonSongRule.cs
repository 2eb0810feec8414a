using System.Text.RegularExpressions;

namespace ImageToMusic.Engine.Music.Catalog;

/// <summary>
/// Which catalog entries are not songs: noise, nature and ambience recordings, sleep and meditation audio,
/// binaural or isochronic tones, sound effects, spoken word. Decided from audio features and text (title, album,
/// artist) by the rule documented in docs/catalog-format.md; a catalog's own <c>is_song</c> column overrides it.
/// Quiet music stays music: a piano piece, a film score or an ambient album by a musician has low energy and no
/// vocals too, so low energy alone never marks a track.
/// </summary>
public static partial class NonSongRule
{
    /// <summary>Why the track is not a song, or null when it is one.</summary>
    public static string? Reason(Track track) => track.SongOverride switch
    {
        true => null,
        false => "marked in the catalog",
        null => Judge(track),
    };

    public static bool IsSong(Track track) => Reason(track) is null;

    private static string? Judge(Track track)
    {
        var f = track.Features;
        var text = $"{track.Title} | {track.Album} | {track.Artist}";
        // Music has a beat or a voice or a player; these recordings have neither: no pulse to dance to, or no
        // instrument-free speech, or a take that sounds "live" because it is a field recording.
        // The audio tests come first: most songs fail them, and then the text is never searched.
        var unlikeMusic = f.Danceability < 0.5 || f.Instrumentalness > 0.5 || f.Speechiness > 0.5;
        if (unlikeMusic && StrongWords().Match(text) is { Success: true } strong) return $"named as {strong.Value.ToLowerInvariant()}";
        if (f.Danceability < 0.45 && (f.Instrumentalness > 0.5 || f.Speechiness > 0.5) && WeakWords().Match(text) is { Success: true } weak)
            return $"named as {weak.Value.ToLowerInvariant()}, with no beat";
        if (f.Speechiness >= 0.9) return "spoken word (speechiness ≥ 0.9)";
        if (f.Liveness >= 0.9 && f.Instrumentalness >= 0.7 && f.Danceability < 0.35) return "field recording (live, instrumental, no beat)";
        if (f.Energy >= 0.9 && f.Instrumentalness >= 0.8 && f.Danceability < 0.25 && f.LoudnessDb < -10)
            return "noise (full energy at low loudness, instrumental, no beat)";
        return null;
    }

    // Words that name what a recording is: enough with audio that is not song-like.
    [GeneratedRegex(@"\b(white|pink|brown|gr[ae]y|blue|violet|red) noise\b|\bbinaural\b|\bisochronic\b|\bsolfeggio\b|\bnature sounds?\b|" +
                    @"\bsound effects?\b|\bsound fx\b|\bsounds? of (the )?(rain|ocean|sea|nature|forest|waves?|thunder|birds?|water|fire|wind|night)\b|" +
                    @"\b(rain|ocean|sea|forest|water|fire|wind|thunder(storm)?|bird|ambient|night|fan|heartbeat|halloween|sleep)( \w+)? sounds\b|" +
                    @"\bsleep (music|aid)\b|\b(music|sounds?) for (sleep|sleeping|relaxation|studying|meditation|babies)\b|\bguided meditation\b|" +
                    @"\basmr\b|\baudiobook\b|\bspoken word\b|\bpodcast\b|\binterview\b|\bchapter \d+\b|\b([0-9]|[1-3][0-9]|40)(\.\d+)? ?hz\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongWords();

    // Words that suggest it but also title songs ("Sleep", "Waves"): they count only when the audio has no beat.
    [GeneratedRegex(@"\b\d+ hours? of\b|\b\d+ minutes? of\b|\bmeditation\b|\brelaxation\b|\bdeep sleep\b|\bspa\b|\byoga\b|" +
                    @"\b(delta|theta|alpha|beta|gamma) waves?\b|\bambience\b|\bsoundscape\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeakWords();
}
