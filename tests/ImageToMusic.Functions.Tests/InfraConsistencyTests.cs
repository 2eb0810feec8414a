using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageToMusic.Functions.Tests.Infra;
using ImageToMusic.Server;
using static ImageToMusic.Functions.Tests.Support.BuiltFunctionApp;

namespace ImageToMusic.Functions.Tests;

/// <summary>
/// What can be checked of infra/ without Azure: the templates compile and lint clean with the real Bicep CLI, and the
/// compiled ARM template sets every setting the app reads and names the same connections, containers and functions
/// as the function app.
/// </summary>
public sealed class InfraConsistencyTests
{
    /// <summary>Settings the app reads that the templates must not set, each with why.</summary>
    private static readonly Dictionary<string, string> NotSetOnAzure = new()
    {
        [AppSettings.CosmosKey] = "local Cosmos server only; on Azure Cosmos is reached with the managed identity (key auth is disabled)",
        [AppSettings.SqlitePath] = "the embedded SQLite store is local only; Azure uses Cosmos",
        [AppSettings.ApiKey] = "outside Azure only; on Azure the Functions host checks function keys",
        [AppSettings.HostStorage] = "a connection string (Azurite in tests); on Azure the identity-based AzureWebJobsStorage__* settings replace it",
        [AppSettings.UploadsConnectionString] = "a connection string (Azurite locally); on Azure the identity-based UploadsStorage__* settings replace it",
        [AppSettings.UploadsFolder] = "a local folder standing in for the uploads container (serve); Azure uses the container",
        [AppSettings.TeamsOpenIdMetadataUrl] = "tests point it at a stand-in Bot Connector; on Azure the Bot Framework default applies",
        [AppSettings.DiscordApiBase] = "points the bot at a fake Discord in tests and local runs; on Azure the default, Discord's own API, applies",
        [AppSettings.ModelFolder] = "the models ship in the package, in models/ beside the app, where the engine looks by default",
    };

    private static readonly string Infra = Path.Combine(TestData.RepoRoot, "infra");
    private static readonly string FunctionApp = Path.Combine(TestData.RepoRoot, "functions", "ImageToMusic.Functions");
    private const string FunctionAppAssembly = "ImageToMusic.Functions";
    private static CompiledBicep Main => CompiledBicep.Main;

    private static JsonElement AppSettingsObject => Main.ModuleParameter("api", "appSettings");

    private static IReadOnlyList<string> BicepAppSettings => [.. AppSettingsObject.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void The_templates_compile_and_lint_without_a_warning()
    {
        // bicep build also checks what the hand-written checks used to: that modules exist and get exactly the params they declare.
        Assert.True(Main.Diagnostics.Length == 0, $"bicep build/lint of infra/main.bicep said:\n{Main.Diagnostics}");
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", Main.Template.GetProperty("$schema").GetString());
    }

    private static IEnumerable<string> AppSettingNames =>
        typeof(AppSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_setting_the_app_reads_is_set_by_the_templates_unless_listed_as_not_for_Azure()
    {
        var missing = AppSettingNames.Where(n => !NotSetOnAzure.ContainsKey(n)).Except(BicepAppSettings).ToList();
        Assert.True(missing.Count == 0,
            $"infra/main.bicep's appSettings lack {string.Join(", ", missing)}: set them, or list them in NotSetOnAzure with a reason.");
    }

    [Fact]
    public void Settings_listed_as_not_for_Azure_are_settings_the_app_reads_and_are_not_set_by_the_templates()
    {
        Assert.Empty(NotSetOnAzure.Keys.Except(AppSettingNames));
        Assert.Empty(NotSetOnAzure.Keys.Intersect(BicepAppSettings));
    }

    [Fact]
    public void No_app_setting_carries_a_key_or_connection_string()
    {
        Assert.DoesNotMatch(new Regex("AccountKey|listKeys|connectionStrings|primaryMasterKey", RegexOptions.IgnoreCase), AppSettingsObject.GetRawText());
    }

    [Fact]
    public void Blob_triggers_use_event_grid_on_the_uploads_container_through_a_connection_the_templates_configure()
    {
        var blobTriggers = WithTrigger("blobTrigger").ToList();
        Assert.NotEmpty(blobTriggers);
        foreach (var function in blobTriggers)
        {
            var (name, trigger) = (NameOf(function), Trigger(function));
            var connection = trigger.GetProperty("connection").GetString()!;
            Assert.Equal(AppSettings.UploadsConnectionString, connection);
            Assert.True(BicepAppSettings.Contains($"{connection}__blobServiceUri"),
                $"{name}'s blob trigger connection '{connection}' has no {connection}__blobServiceUri app setting in infra/main.bicep.");
            Assert.True(BicepAppSettings.Contains($"{connection}__queueServiceUri"),
                $"{name}'s blob trigger needs {connection}__queueServiceUri (receipts and poison queue).");
            // Flex Consumption runs blob triggers only from Event Grid.
            Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
            Assert.Equal(BicepName("uploadsContainer"), trigger.GetProperty("path").GetString()!.Split('/')[0]);
        }
    }

    [Fact]
    public void The_blob_events_hook_subscribes_the_function_with_the_blob_trigger()
    {
        Assert.Equal(BicepName("analyzeFunction"), NameOf(WithTrigger("blobTrigger").Single()));
    }

    [Fact]
    public void The_follow_up_queue_the_triggers_name_is_created_and_set_and_reached_through_the_host_connection_with_a_queue_role()
    {
        var queue = BicepName("followUpsQueue");
        Assert.Equal("[variables('names').followUpsQueue]", AppSettingsObject.GetProperty(AppSettings.FollowUpsQueue).GetString());
        Assert.Contains("[variables('names').followUpsQueue]", Main.ModuleParameter("storage", "queues").GetRawText());
        Assert.NotEmpty(queue);
        foreach (var function in WithTrigger("queueTrigger"))
        {
            // No connection named: the host storage connection, whose identity-based settings include its queue endpoint.
            Assert.Equal("AzureWebJobsStorage", Trigger(function).GetProperty("connection").GetString());
            Assert.StartsWith($"%{AppSettings.FollowUpsQueue}%", Trigger(function).GetProperty("queueName").GetString());
        }
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", BicepAppSettings);
        Assert.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", Main.ModuleTemplate("roles").GetRawText()); // Storage Queue Data Contributor
    }

    [Fact]
    public void The_function_app_runs_dotnet_isolated_10_on_flex_consumption()
    {
        var site = Main.ModuleTemplate("api").GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var runtime = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.Contains("FlexConsumption", Main.ModuleTemplate("api").GetRawText());
    }

    [Fact]
    public void Azure_yaml_deploys_the_function_project_and_runs_hooks_that_exist_with_outputs_main_bicep_gives()
    {
        var yaml = File.ReadAllText(Path.Combine(TestData.RepoRoot, "azure.yaml"));
        var project = Regex.Match(yaml, @"^\s+project:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;
        var projectFolder = Path.GetFullPath(Path.Combine(TestData.RepoRoot, project));
        Assert.Equal(Path.GetFullPath(FunctionApp), projectFolder.TrimEnd('/'));
        Assert.True(File.Exists(Path.Combine(projectFolder, FunctionAppAssembly + ".csproj")));
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", yaml);

        foreach (Match hook in Regex.Matches(yaml, @"^\s+run:\s*(\S+)", RegexOptions.Multiline))
        {
            var script = Path.Combine(TestData.RepoRoot, hook.Groups[1].Value);
            Assert.True(File.Exists(script), $"azure.yaml runs {hook.Groups[1].Value}, which does not exist.");
            var outputs = Main.Outputs;
            var used = Regex.Matches(File.ReadAllText(script), @"\$\{?([A-Z][A-Z0-9_]+)").Select(m => m.Groups[1].Value).Distinct();
            var unknown = used.Where(v => !outputs.Contains(v)).ToList();
            Assert.True(unknown.Count == 0, $"{hook.Groups[1].Value} uses {string.Join(", ", unknown)}, which main.bicep does not output.");
        }
    }

    [Fact]
    public void Main_parameters_json_supplies_every_required_param_of_main_bicep_and_nothing_else()
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json")));
        var supplied = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Empty(supplied.Except(Main.Parameters.Keys));
        Assert.Empty(Main.Parameters.Where(p => !p.Value).Select(p => p.Key).Except(supplied));
        Assert.Contains($" {BicepName("userSaltSecret")})", parameters.RootElement.GetProperty("parameters")
            .GetProperty("userSalt").GetProperty("value").GetString());
    }

    private static string BicepName(string key) => Main.Name(key);

    /// <summary>
    /// Containers infra creates whose reader does not declare them in CosmosContainers, each with who reads it. Once
    /// CosmosContainers lists one, its entry here is simply redundant (the union below does not count it twice).
    /// </summary>
    private static readonly Dictionary<(string Name, string PartitionKeyPath), string> ContainersOutsideCosmosContainers = new()
    {
        [("channels", "/community")] = "per-channel auto-reply switches (Discord guild channels, Teams team channels), read by `imagetomusic discord gateway`",
    };

    [Fact]
    public void Cosmos_containers_and_partition_keys_are_the_ones_the_stores_use()
    {
        var declared = Main.Names.GetProperty("cosmosContainers").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("partitionKey").GetString()!));

        var expected = ImageToMusic.Azure.Cosmos.CosmosContainers.All.Union(ContainersOutsideCosmosContainers.Keys);
        Assert.Equal(expected.Order(), declared.Order());
        Assert.Equal("[variables('names').cosmosContainers]", Main.ModuleParameter("cosmos", "containers").GetString());
    }
}
