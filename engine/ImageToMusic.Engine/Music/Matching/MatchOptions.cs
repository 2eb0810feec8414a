using ImageToMusic.Engine.Music.Personalisation;

namespace ImageToMusic.Engine.Music.Matching;

/// <summary>How many tracks to suggest and which to leave out.</summary>
public sealed record MatchOptions
{
    public const int DefaultTop = 5;
    public const int MaxTop = 100;

    public int Top { get; init; } = DefaultTop;
    /// <summary>Only tracks with this genre (case-insensitive); tracks without genres are left out too.</summary>
    public string? Genre { get; init; }
    /// <summary>Leave out tracks marked explicit (tracks of unknown status stay in).</summary>
    public bool ExcludeExplicit { get; init; }
    public double? MinTempo { get; init; }
    public double? MaxTempo { get; init; }
    /// <summary>Also suggest what <see cref="Catalog.NonSongRule"/> says is not a song (noise, nature and sleep audio, spoken word).</summary>
    public bool IncludeNonSongs { get; init; }

    /// <summary>The matcher's spreads and evidence weight; the defaults are the ones chosen on val.</summary>
    public MatchTuning Tuning { get; init; } = MatchTuning.Default;

    /// <summary>What the asking community has shown it likes; adds at most ±<see cref="CommunityPreferences.MaxShift"/> to each score.</summary>
    public CommunityPreferences? Preferences { get; init; }

    public bool HasFilters => Genre is not null || ExcludeExplicit || MinTempo is not null || MaxTempo is not null;

    public void Validate()
    {
        if (Top is < 1 or > MaxTop) throw new ArgumentException($"top must be between 1 and {MaxTop}, got {Top}.");
        if (MinTempo is { } min && !double.IsFinite(min) || MaxTempo is { } max && !double.IsFinite(max))
            throw new ArgumentException("Tempo limits must be finite numbers of BPM.");
        if (MinTempo is < 0 || MaxTempo is < 0) throw new ArgumentException("Tempo limits must be positive BPM.");
        if (MinTempo > MaxTempo) throw new ArgumentException($"The minimum tempo ({MinTempo}) is above the maximum ({MaxTempo}).");
        if (Genre is { } g && string.IsNullOrWhiteSpace(g)) throw new ArgumentException("genre must not be empty.");
        Tuning.Validate();
    }

    /// <summary>Readable and stable, stored with each recommendation so it can be reproduced.</summary>
    public string Describe() =>
        string.Join(" ", new[]
        {
            $"top={Top}",
            Genre is null ? null : $"genre={Genre}",
            ExcludeExplicit ? "exclude-explicit" : null,
            MinTempo is null ? null : $"min-tempo={MinTempo}",
            MaxTempo is null ? null : $"max-tempo={MaxTempo}",
            IncludeNonSongs ? "include-non-songs" : null,
            Preferences is { IsEmpty: false } p ? $"personalised-from={p.Votes}-votes" : null,
        }.Where(s => s is not null));
}
