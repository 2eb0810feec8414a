using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Microsoft.Azure.Cosmos;

namespace ImageToMusic.Azure.Cosmos;

/// <summary>
/// Cosmos clients set up the way the stores expect: documents written with System.Text.Json in camelCase
/// (so record Ids become the lower-case "id" Cosmos requires) and enums as names.
/// </summary>
public static class CosmosClients
{
    /// <summary>The well-known key of the Cosmos emulator, which the local server accepts.</summary>
    public const string LocalServerKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>For Azure: the app's managed identity (data-plane role), direct connections.</summary>
    public static CosmosClient ForAzure(string endpoint, TokenCredential credential) =>
        new(endpoint, credential, new CosmosClientOptions { UseSystemTextJsonSerializerWithOptions = Json });

    /// <summary>
    /// For the local Cosmos server (started by ImageToMusic.LocalAzure): it speaks only the gateway protocol and
    /// advertises an https address it does not serve, so the client must stay on the endpoint it was given.
    /// </summary>
    public static CosmosClient ForLocalServer(string endpoint, string key = LocalServerKey) =>
        new(endpoint, key, new CosmosClientOptions
        {
            UseSystemTextJsonSerializerWithOptions = Json,
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
        });
}
