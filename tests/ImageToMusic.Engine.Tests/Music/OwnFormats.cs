using ImageToMusic.Engine.Music;

namespace ImageToMusic.Engine.Tests.Music;

/// <summary>The same two songs in the project's own CSV and JSON formats (docs/catalog-format.md), every field set on the first.</summary>
internal static class OwnFormats
{
    public const string Csv =
        """
        id,title,artist,album,genre,explicit,year,popularity,link,valence,energy,danceability,acousticness,instrumentalness,speechiness,liveness,tempo,loudness,key,mode,duration_ms,time_signature
        sp-1,"Halo, Live",Beyoncé,I Am... Sasha Fierce,"pop, R&B",false,2008,81,https://example.com/halo,0.47,0.72,0.51,0.27,0.0001,0.04,0.35,79.98,-6.4,11,1,261640,4
        ,Quiet Song,Someone,,,,,,,0.1,0.2,0.3,0.9,0.8,0.03,0.1,60,-20,,,,
        """;

    public const string Json =
        """
        {"tracks": [
          {"id": "sp-1", "title": "Halo, Live", "artist": "Beyoncé", "album": "I Am... Sasha Fierce", "genre": ["pop", "R&B"],
           "explicit": false, "year": 2008, "popularity": 81, "link": "https://example.com/halo",
           "valence": 0.47, "energy": 0.72, "danceability": 0.51, "acousticness": 0.27, "instrumentalness": 0.0001,
           "speechiness": 0.04, "liveness": 0.35, "tempo": 79.98, "loudness": -6.4, "key": 11, "mode": 1,
           "duration_ms": 261640, "time_signature": 4},
          {"title": "Quiet Song", "artist": "Someone", "valence": 0.1, "energy": 0.2, "danceability": 0.3, "acousticness": 0.9,
           "instrumentalness": 0.8, "speechiness": 0.03, "liveness": 0.1, "tempo": 60, "loudness": -20}
        ]}
        """;

    public static readonly Track Halo = new(
        "sp-1", "Halo, Live", "Beyoncé",
        new AudioFeatures(0.47, 0.72, 0.51, 0.27, 0.0001, 0.04, 0.35, 79.98, -6.4, Key: 11, Mode: 1, DurationMs: 261640, TimeSignature: 4),
        Album: "I Am... Sasha Fierce", Genres: ["pop", "r&b"], Explicit: false, Year: 2008, Popularity: 81, Link: "https://example.com/halo");

    public static readonly Track QuietSong = new(
        TrackIdentity.DerivedId(TrackIdentity.MatchKey("Quiet Song", "Someone")), "Quiet Song", "Someone",
        new AudioFeatures(0.1, 0.2, 0.3, 0.9, 0.8, 0.03, 0.1, 60, -20));
}
