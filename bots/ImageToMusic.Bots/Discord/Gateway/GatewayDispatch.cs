using System.Text.Json;

namespace ImageToMusic.Bots.Discord.Gateway;

/// <summary>One DISPATCH (op 0) as the Gateway sent it: the shard it came on, its sequence number, its event name and data.</summary>
public sealed record GatewayDispatch(int Shard, long Sequence, string Type, JsonElement Data);
