# The CLI (`imagetomusic`) as a container: azd builds it for the `gateway` service (azure.yaml), where it runs
# `imagetomusic discord gateway` in a Container App (infra/modules/gateway.bicep). Build from the repo root:
#   docker build -t imagetomusic .
# The Discord gateway only enqueues follow-ups, so no ML models are baked in: the CLI project does not copy models/
# (the function app, which analyses photos, carries them), and .dockerignore keeps the ONNX file out of the context.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Directory.Build.props names linux-x64, so only that platform's native libraries (libvips, ONNX Runtime, SQLite) ship.
# (No BuildKit cache mount, so the same file builds with the classic builder and in ACR Tasks.)
RUN dotnet publish cli/ImageToMusic.Cli -c Release -o /app -nologo

# The CLI references the server library, which has a FrameworkReference on ASP.NET Core: the aspnet runtime, not the bare one.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The non-root user the .NET images define (APP_UID=1654); the process only makes outbound connections.
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/imagetomusic.dll"]
CMD ["discord", "gateway"]
