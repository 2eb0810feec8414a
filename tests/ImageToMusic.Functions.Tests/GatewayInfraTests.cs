using System.Text.Json;
using System.Text.RegularExpressions;
using ImageToMusic.Bots.Discord;
using ImageToMusic.Functions.Tests.Infra;
using ImageToMusic.Server;

namespace ImageToMusic.Functions.Tests;

/// <summary>
/// The Discord Gateway listener's hosting, read from the ARM template the Bicep CLI compiles from infra/main.bicep
/// (module `gateway`, infra/modules/gateway.bicep), from azure.yaml and from the root Dockerfile: one always-on
/// replica without ingress, running `imagetomusic discord gateway`, with the settings the code reads.
/// </summary>
public sealed class GatewayInfraTests
{
    private const string Module = "gateway";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

    /// <summary>Every variable the gateway's container may set: the names the code reads.</summary>
    private static readonly HashSet<string> SettingsTheGatewayReads =
    [
        DiscordSettings.BotToken,
        DiscordSettings.ChannelRepliesPerMinute,
        AppSettings.StoreKind,
        AppSettings.CosmosEndpoint,
        AppSettings.CosmosDatabase,
        AppSettings.ManagedIdentityClientId,
        AppSettings.FollowUpsQueue,
        AppSettings.HostStorageQueues,
    ];

    private static CompiledBicep Main => CompiledBicep.Main;
    private static JsonElement App => Main.ModuleResource(Module, "Microsoft.App/containerApps");
    private static JsonElement Container => App.GetProperty("properties").GetProperty("template").GetProperty("containers").EnumerateArray().Single();
    private static IEnumerable<JsonElement> Env => Container.GetProperty("env").EnumerateArray();
    private static JsonElement EnvVar(string name) => Env.Single(e => e.GetProperty("name").GetString() == name);
    private static string RepoFile(string path) => File.ReadAllText(Path.Combine(TestData.RepoRoot, path));

    [Fact]
    public void The_gateway_runs_exactly_one_always_on_replica_without_ingress()
    {
        var properties = App.GetProperty("properties");
        var scale = properties.GetProperty("template").GetProperty("scale");
        Assert.Equal(1, scale.GetProperty("minReplicas").GetInt32());
        Assert.Equal(1, scale.GetProperty("maxReplicas").GetInt32());
        Assert.False(scale.TryGetProperty("rules", out _), "a scale rule could add a second Gateway session");
        Assert.False(properties.GetProperty("configuration").TryGetProperty("ingress", out _), "the gateway makes outbound connections only");
        Assert.Equal("Single", properties.GetProperty("configuration").GetProperty("activeRevisionsMode").GetString());
    }

    [Fact]
    public void The_container_runs_discord_gateway_through_the_CLI_the_Dockerfile_publishes()
    {
        Assert.Equal(["discord", "gateway"], Container.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.False(Container.TryGetProperty("command", out _), "the image's ENTRYPOINT (the CLI) is what runs");

        var assembly = Regex.Match(RepoFile("cli/ImageToMusic.Cli/ImageToMusic.Cli.csproj"), "<AssemblyName>(.+?)</AssemblyName>").Groups[1].Value;
        var dockerfile = RepoFile("Dockerfile");
        Assert.Matches(@"(?m)^RUN dotnet publish cli/ImageToMusic\.Cli -c Release -o /app\b", dockerfile);
        Assert.Matches($@"(?m)^ENTRYPOINT \[""dotnet"", ""/app/{Regex.Escape(assembly)}\.dll""\]\s*$", dockerfile);
        Assert.Matches(@"(?m)^CMD \[""discord"", ""gateway""\]\s*$", dockerfile);
        // The server library the CLI references has a FrameworkReference on ASP.NET Core, so the runtime stage needs it.
        Assert.Contains("Microsoft.AspNetCore.App", RepoFile("server/ImageToMusic.Server/ImageToMusic.Server.csproj"));
        Assert.Matches(@"mcr\.microsoft\.com/dotnet/aspnet:10\.0", Regex.Matches(dockerfile, @"(?m)^FROM .+$").Last().Value);
        var user = Regex.Matches(dockerfile, @"(?m)^USER (\S+)\s*$").LastOrDefault()?.Groups[1].Value;
        Assert.True(user is not null and not "root" and not "0", $"the runtime stage runs as {user ?? "root"}; it should not be root");
    }

    [Fact]
    public void Every_variable_the_gateway_sets_is_a_setting_the_code_reads_and_each_is_set_once()
    {
        var names = Env.Select(e => e.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Empty(names.Except(SettingsTheGatewayReads));
        Assert.Empty(SettingsTheGatewayReads.Except(names));
    }

    [Fact]
    public void Settings_shared_with_the_function_app_get_the_same_values()
    {
        var appSettings = Main.ModuleParameter("api", "appSettings");
        var shared = Env.Where(e => e.TryGetProperty("value", out _) && appSettings.TryGetProperty(e.GetProperty("name").GetString()!, out _)).ToList();
        Assert.Equal(6, shared.Count); // store, Cosmos endpoint and database, client id, queue name and endpoint
        foreach (var variable in shared)
        {
            var name = variable.GetProperty("name").GetString()!;
            Assert.True(appSettings.GetProperty(name).GetString() == Resolve(variable.GetProperty("value").GetString()!),
                $"{name} differs between the gateway and the function app");
        }
    }

    /// <summary>A module's "[parameters('x')]" as the expression main.bicep passes for x; literals as they are.</summary>
    private static string Resolve(string value) =>
        Regex.Match(value, @"^\[parameters\('(\w+)'\)\]$") is { Success: true } m ? Main.ModuleParameter(Module, m.Groups[1].Value).GetString()! : value;

    [Fact]
    public void The_bot_token_is_a_key_vault_reference_resolved_with_the_identity_not_a_value()
    {
        var token = EnvVar(DiscordSettings.BotToken);
        Assert.False(token.TryGetProperty("value", out _));
        var secretRef = ModuleVariable(token.GetProperty("secretRef").GetString()!);

        var secret = App.GetProperty("properties").GetProperty("configuration").GetProperty("secrets").EnumerateArray()
            .Single(s => ModuleVariable(s.GetProperty("name").GetString()!) == secretRef);
        Assert.False(secret.TryGetProperty("value", out _));
        Assert.Equal("[format('{0}secrets/{1}', parameters('keyVaultUri'), parameters('botTokenSecretName'))]", secret.GetProperty("keyVaultUrl").GetString());
        Assert.Equal("[parameters('identityId')]", secret.GetProperty("identity").GetString());
        Assert.Equal("[format('{0}', parameters('identityId'))]", App.GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Single().Name);

        Assert.Equal("discord-bot-token", Main.Name("discordBotTokenSecret"));
        Assert.Equal("[variables('names').discordBotTokenSecret]", Main.ModuleParameter(Module, "botTokenSecretName").GetString());
        Assert.EndsWith("'keyvault'), '2025-04-01').outputs.uri.value]", Main.ModuleParameter(Module, "keyVaultUri").GetString());
        // The identity reads secrets (Key Vault Secrets User) before the container app is made.
        Assert.Contains("4633458b-17de-408a-b874-0445c86b69e6", Main.ModuleTemplate("roles").GetRawText());
        Assert.Contains(ModuleDependencies(), d => d.EndsWith("'roles')]"));
    }

    /// <summary>A module's "[variables('x')]" as its value; anything else as it is.</summary>
    private static string ModuleVariable(string value) =>
        Regex.Match(value, @"^\[variables\('(\w+)'\)\]$") is { Success: true } m
            ? Main.ModuleTemplate(Module).GetProperty("variables").GetProperty(m.Groups[1].Value).GetString()!
            : value;

    private static IEnumerable<string> ModuleDependencies() =>
        Main.Template.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == Module)
            .GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()!);

    [Fact]
    public void The_identity_pulls_the_image_from_the_registry_with_AcrPull()
    {
        var pull = Main.ModuleResources(Module).Single(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments"
            && RoleId(Module, r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!) == AcrPull);
        Assert.Equal("[resourceId('Microsoft.ContainerRegistry/registries', parameters('registryName'))]", pull.GetProperty("scope").GetString());
        Assert.Equal("[parameters('identityPrincipalId')]", pull.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.EndsWith("'identity'), '2025-04-01').outputs.principalId.value]", Main.ModuleParameter(Module, "identityPrincipalId").GetString());
        Assert.EndsWith("'identity'), '2025-04-01').outputs.id.value]", Main.ModuleParameter(Module, "identityId").GetString());

        var registry = App.GetProperty("properties").GetProperty("configuration").GetProperty("registries").EnumerateArray().Single();
        Assert.Equal("[parameters('identityId')]", registry.GetProperty("identity").GetString());
        Assert.False(registry.TryGetProperty("passwordSecretRef", out _));
        Assert.False(Main.ModuleResource(Module, "Microsoft.ContainerRegistry/registries").GetProperty("properties").GetProperty("adminUserEnabled").GetBoolean());
        // The first revision pulls only once the role exists.
        Assert.Contains(App.GetProperty("dependsOn").EnumerateArray(), d => d.GetString()!.Contains("Microsoft.Authorization/roleAssignments"));
    }

    /// <summary>The role id a compiled roleDefinitionId names through its module's roleIds variable.</summary>
    private static string RoleId(string module, string roleDefinitionId)
    {
        var key = Regex.Match(roleDefinitionId, @"variables\('roleIds'\)\.(\w+)").Groups[1].Value;
        return Main.ModuleTemplate(module).GetProperty("variables").GetProperty("roleIds").TryGetProperty(key, out var id) ? id.GetString()! : "";
    }

    [Fact]
    public void Azure_yaml_deploys_the_gateway_service_as_a_container_app_to_the_app_tagged_with_its_name()
    {
        var yaml = RepoFile("azure.yaml");
        var service = Regex.Match(yaml, @"(?m)^  gateway:\s*\n((?:    .*\n|\s*\n)+)").Groups[1].Value;
        Assert.Matches(@"(?m)^    host:\s*containerapp\s*$", service);
        var project = Regex.Match(service, @"(?m)^    project:\s*(\S+)").Groups[1].Value;
        var dockerfile = Regex.Match(service, @"(?m)^      path:\s*(\S+)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(TestData.RepoRoot, project, dockerfile)), $"azure.yaml's gateway builds {project}/{dockerfile}, which does not exist");

        Assert.Equal("gateway", Main.ModuleParameter(Module, "serviceName").GetString());
        Assert.Equal("[union(parameters('tags'), createObject('azd-service-name', parameters('serviceName')))]", App.GetProperty("tags").GetString());
        // azd finds the service's resource by this tag: nothing else in the module may carry it.
        Assert.Single(Main.ModuleResources(Module), r => r.TryGetProperty("tags", out var tags) && tags.GetRawText().Contains("azd-service-name"));
        // The outputs azd reads for a containerapp service (the registry it pushes to) and the image it records.
        Assert.Contains("AZURE_CONTAINER_REGISTRY_ENDPOINT", Main.Outputs);
        Assert.Contains("AZURE_CONTAINER_ENVIRONMENT_NAME", Main.Outputs);
        using var parameters = JsonDocument.Parse(RepoFile("infra/main.parameters.json"));
        Assert.Equal("${SERVICE_GATEWAY_IMAGE_NAME=}", parameters.RootElement.GetProperty("parameters").GetProperty("gatewayImage").GetProperty("value").GetString());
    }

    [Fact]
    public void The_container_app_environment_logs_to_the_shared_workspace_without_its_key()
    {
        var environment = Main.ModuleResource(Module, "Microsoft.App/managedEnvironments");
        Assert.Equal("azure-monitor", environment.GetProperty("properties").GetProperty("appLogsConfiguration").GetProperty("destination").GetString());
        var diagnostics = Main.ModuleResource(Module, "Microsoft.Insights/diagnosticSettings");
        Assert.Equal("[parameters('logAnalyticsWorkspaceId')]", diagnostics.GetProperty("properties").GetProperty("workspaceId").GetString());
        Assert.EndsWith("'monitoring'), '2025-04-01').outputs.workspaceId.value]", Main.ModuleParameter(Module, "logAnalyticsWorkspaceId").GetString());
        Assert.DoesNotMatch(new Regex("listKeys|sharedKey|AccountKey", RegexOptions.IgnoreCase), Main.ModuleTemplate(Module).GetRawText());
    }

    [Fact]
    public void Replies_per_minute_is_a_parameter_defaulting_to_10()
    {
        var parameter = Main.Template.GetProperty("parameters").GetProperty("discordChannelRepliesPerMinute");
        Assert.Equal(10, parameter.GetProperty("defaultValue").GetInt32());
        Assert.Equal("[parameters('discordChannelRepliesPerMinute')]", Main.ModuleParameter(Module, "channelRepliesPerMinute").GetString());
        Assert.Equal("[string(parameters('channelRepliesPerMinute'))]", EnvVar(DiscordSettings.ChannelRepliesPerMinute).GetProperty("value").GetString());
    }

    [Fact]
    public void The_channels_container_is_created_with_community_as_its_partition_key()
    {
        var channels = Main.Names.GetProperty("cosmosContainers").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "channels");
        Assert.Equal("/community", channels.GetProperty("partitionKey").GetString());
        // The identity's Cosmos role is account-wide (Built-in Data Contributor), so it covers the new container.
        var cosmosRole = Main.ModuleResource("roles", "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
        Assert.Equal("00000000-0000-0000-0000-000000000002", RoleId("roles", cosmosRole.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!));
        Assert.Equal("[resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('cosmosAccountName'))]", cosmosRole.GetProperty("properties").GetProperty("scope").GetString());
    }
}
