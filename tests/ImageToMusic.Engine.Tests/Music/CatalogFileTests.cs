using ImageToMusic.Engine.Music;
using ImageToMusic.Engine.Music.Catalog;

namespace ImageToMusic.Engine.Tests.Music;

public class CatalogFileTests
{
    [Theory]
    [InlineData("catalog.csv", OwnFormats.Csv)]
    [InlineData("catalog.json", OwnFormats.Json)]
    public void The_own_formats_carry_every_field(string name, string content)
    {
        var result = CatalogFile.Read(TestData.WriteTempFile(name, content));

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.RowsRead);
        Tracks.AssertSame(OwnFormats.Halo, result.Rows[0].Track);
        Tracks.AssertSame(OwnFormats.QuietSong, result.Rows[1].Track);
    }

    [Fact]
    public void Json_may_be_a_bare_array_with_genre_as_a_string_and_any_key_case()
    {
        var path = TestData.WriteTempFile("bare.json", """
            [{"Title": "A", "ARTIST": "B", "genre": "rock, Pop", "valence": 0.5, "energy": 0.5, "danceability": 0.5, "acousticness": 0.5,
              "instrumentalness": 0.5, "speechiness": 0.5, "liveness": 0.5, "tempo": 100, "loudness": -5, "key": -1}]
            """);

        var track = Assert.Single(CatalogFile.Read(path).Rows).Track;

        Assert.Equal(("A", "B"), (track.Title, track.Artist));
        Assert.Equal(["rock", "pop"], track.Genres);
        Assert.Null(track.Features.Key);
    }

    [Fact]
    public void The_spotify_layout_maps_song_duration_and_release_date()
    {
        var result = CatalogFile.Read(TestData.Catalog("spotify_songs_9961.csv"));

        Assert.Equal(9961, result.RowsRead);
        Assert.Equal(result.RowsRead, result.Rows.Count + result.Problems.Count);
        var first = result.Rows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal(("...Ready For It?", "Taylor Swift", "...Ready For It?", 2017), (first.Track.Title, first.Track.Artist, first.Track.Album, first.Track.Year));
        Assert.Equal(new AudioFeatures(0.453, 0.779, 0.615, 0.0665, 0.0, 0.135, 0.155, 160.0, -6.454, 2, 1, 208198, 4), first.Track.Features);
        Assert.Null(first.Track.Link);
        Assert.Empty(first.Track.Genres);
    }

    [Fact]
    public void The_spotify_layout_rejects_its_rows_without_a_name_or_a_tempo_at_their_lines()
    {
        var problems = CatalogFile.Read(TestData.Catalog("spotify_songs_9961.csv")).Problems;

        Assert.Equal(12, problems.Count);
        Assert.Contains(problems, p => p.Line == 6920 && p.Message.Contains("missing title") && p.Message.Contains("missing artist"));
        Assert.Equal(11, problems.Count(p => p.Message.Contains("tempo 0.0 is outside (0, 300]")));
        Assert.Contains(problems, p => p.Line == 9758);
        Assert.All(problems, p => Assert.Equal("spotify_songs_9961.csv", p.File));
    }

    [Fact]
    public void The_mood_layout_maps_name_length_and_the_spotify_id_and_ignores_the_label()
    {
        var result = CatalogFile.Read(TestData.Catalog("mood_labelled_686.csv"));

        Assert.Equal(686, result.RowsRead);
        Assert.Empty(result.Problems);
        var prince = result.Rows[0].Track;
        Assert.Equal(("2H7PHVdQ3mXqEHXcvclTB0", "1999", "Prince", 1982, 68), (prince.Id, prince.Title, prince.Artist, prince.Year, prince.Popularity));
        Assert.Equal(379266, prince.Features.DurationMs);
        Assert.Null(prince.Features.Mode);
    }

    [Fact]
    public void The_top_hits_layout_maps_genres_explicit_and_year()
    {
        var result = CatalogFile.Read(TestData.Catalog("top_hits_genre_1821.csv"));

        Assert.Equal(1821, result.RowsRead);
        Assert.Empty(result.Problems);
        var blink = result.Rows[1].Track;
        Assert.Equal(("All The Small Things", "blink-182", 1999, false), (blink.Title, blink.Artist, blink.Year, blink.Explicit));
        Assert.Equal(["rock", "pop"], blink.Genres);
        Assert.Contains(result.Rows, r => r.Track.Explicit == true);
        var dirtbag = result.Rows.Single(r => r.Line == 90).Track; // genre written as Python's empty "set()"
        Assert.Equal(("Teenage Dirtbag", 0), (dirtbag.Title, dirtbag.Genres.Count));
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_and_every_problem_while_good_rows_continue()
    {
        var path = TestData.WriteTempFile("bad.csv", """
            title,artist,valence,energy,danceability,acousticness,instrumentalness,speechiness,liveness,tempo,loudness,key,mode,year,link,explicit
            Good,One,0.5,0.5,0.5,0.5,0.5,0.5,0.5,120,-5,1,1,2001,http://x.org/a,TRUE
            Too Happy,Two,1.5,0.5,0.5,0.5,0.5,0.5,0.5,120,-5,1,1,,,
            ,Three,0.5,loud,0.5,0.5,0.5,0.5,0.5,120,-5,1,1,,,
            "Multi
            line",Four,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0,-70,12,2,1850,ftp://x.org/a,maybe
            Short,Five,0.5
            Also Good,Six,0.5,0.5,0.5,0.5,0.5,0.5,0.5,300,5,-1,0,2100,,no
            """);

        var result = CatalogFile.Read(path);

        Assert.Equal(6, result.RowsRead);
        Assert.Equal(["Good", "Also Good"], result.Rows.Select(r => r.Track.Title));
        Assert.Equal([2, 8], result.Rows.Select(r => r.Line));
        var problems = result.Problems.ToDictionary(p => p.Line, p => p.Message);
        Assert.Equal([3, 4, 5, 7], problems.Keys);
        Assert.Equal("valence 1.5 is outside [0, 1]", problems[3]);
        Assert.Equal("missing title; energy 'loud' is not a number", problems[4]);
        Assert.Equal(
            "tempo 0 is outside (0, 300]; loudness -70 is outside [-60, 5]; key 12 is outside -1…11; mode 2 is outside 0…1; " +
            "explicit 'maybe' is not true/false; year 1850 is outside 1900…2100; link 'ftp://x.org/a' is not an absolute http(s) URL", problems[5]);
        Assert.StartsWith("missing energy; missing danceability", problems[7]);
        Assert.Equal("bad.csv:3: valence 1.5 is outside [0, 1]", result.Problems[0].ToString());
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_naming_them_and_the_accepted_names()
    {
        var path = TestData.WriteTempFile("people.csv", "name,artist,valence,energy\nAda,Lovelace,0.5,0.5\n");

        var error = Assert.Throws<InvalidDataException>(() => CatalogFile.Read(path));

        Assert.StartsWith("people.csv: not a song catalog", error.Message);
        Assert.Contains("danceability (accepted: danceability)", error.Message);
        Assert.Contains("tempo (accepted: tempo, bpm)", error.Message);
        Assert.DoesNotContain("title (accepted", error.Message);
        Assert.Contains("Columns found: name, artist, valence, energy.", error.Message);
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line_and_position()
    {
        var path = TestData.WriteTempFile("broken.json", "[\n  {\"title\": \"A\",\n   \"artist\": }\n]");

        var error = Assert.Throws<InvalidDataException>(() => CatalogFile.Read(path));

        Assert.StartsWith("broken.json: malformed JSON at line 3, position 14: '}' is an invalid start of a value.", error.Message);
    }

    [Theory]
    [InlineData("empty.csv", "")]
    [InlineData("empty.json", "")]
    [InlineData("blank.json", "  \n ")]
    public void An_empty_file_is_refused(string name, string content)
    {
        var error = Assert.Throws<InvalidDataException>(() => CatalogFile.Read(TestData.WriteTempFile(name, content)));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void Json_that_is_not_a_list_of_tracks_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => CatalogFile.Read(TestData.WriteTempFile("songs.json", """{"songs": []}""")));

        Assert.Equal("songs.json: the JSON object has no \"tracks\" array.", error.Message);
    }
}
