using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImageToMusic.Bots.Discord;

/// <summary>Discord's JSON: snake_case names, numbers for enums, nulls left out of what we send.</summary>
public static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
