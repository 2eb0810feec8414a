#!/usr/bin/env bash
# The one set-up command: installs what the project needs, fetches the native engines and
# weights from npm, converts the weights to ONNX and builds. Idempotent: a step whose output
# is current says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CACHE=$ROOT/.cache
NATIVE=$ROOT/native/linux-x64
CONFIG=${IMAGETOMUSIC_CONFIGURATION:-Release}

ONNXRUNTIME=onnxruntime-node@1.30.0
LIBVIPS=@img/sharp-libvips-linux-x64@1.3.4
NSFWJS=nsfwjs@4.4.0
VIPS_LIB=libvips-cpp.so.8.18.7

step() { printf '\n==> %s\n' "$*"; }
done_() { printf '    %s\n' "$*"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "System packages (python3-onnx, python3-numpy: weight conversion; imagemagick: test fixtures; chromium, emoji font: browser tests)"
missing=()
/usr/bin/python3 -c 'import onnx, numpy' 2>/dev/null || missing+=(python3-onnx python3-numpy)
command -v convert >/dev/null || missing+=(imagemagick)
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

step "Native engines from npm ($ONNXRUNTIME, $LIBVIPS)"
mkdir -p "$NATIVE"
if [ ! -f "$NATIVE/libonnxruntime.so.1" ]; then
  cp "$(npm_fetch $ONNXRUNTIME)/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$NATIVE/"
  done_ "fetched libonnxruntime.so.1"
else done_ "libonnxruntime.so.1 present"; fi
if [ ! -f "$NATIVE/$VIPS_LIB" ]; then
  cp "$(npm_fetch $LIBVIPS)/lib/$VIPS_LIB" "$NATIVE/"
  done_ "fetched $VIPS_LIB"
else done_ "$VIPS_LIB present"; fi

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

step "System.IO.Hashing as a local NuGet package, from the .NET SDK's own dll (the mirror lacks it)"
# Azure.Storage.Blobs needs it; nuget.config maps System.IO.Hashing (and only it) to this folder feed.
HASHING_VERSION=$(sed -n 's/.*PackageVersion Include="System.IO.Hashing" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
HASHING_FEED=$CACHE/nuget-local
HASHING_PKG=$HASHING_FEED/system.io.hashing.$HASHING_VERSION.nupkg
sdk_version=$(dotnet --version)
sdk_root=$(dotnet --list-sdks | sed -n "s/^$sdk_version \\[\\(.*\\)\\]$/\\1/p")  # "10.0.401 [/usr/share/dotnet/sdk]"
sdk_dir=$sdk_root/$sdk_version
HASHING_DLL=$sdk_dir/System.IO.Hashing.dll
[ -f "$HASHING_DLL" ] || { echo "no System.IO.Hashing.dll in $sdk_dir" >&2; exit 1; }
if [ ! -f "$HASHING_PKG" ] || [ "$HASHING_DLL" -nt "$HASHING_PKG" ]; then
  mkdir -p "$HASHING_FEED"
  /usr/bin/python3 - "$HASHING_DLL" "$HASHING_PKG" "$HASHING_VERSION" <<'PY'
import sys, zipfile
dll, pkg, version = sys.argv[1:]
nuspec = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>System.IO.Hashing</id>
    <version>{version}</version>
    <authors>Microsoft</authors>
    <license type="expression">MIT</license>
    <description>System.IO.Hashing.dll as shipped in the .NET SDK, packed locally by ImageToMusic's build.sh.</description>
    <dependencies><group targetFramework="net10.0" /></dependencies>
  </metadata>
</package>
"""
with zipfile.ZipFile(pkg, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("System.IO.Hashing.nuspec", nuspec)
    z.write(dll, "lib/net10.0/System.IO.Hashing.dll")
PY
  done_ "packed $HASHING_VERSION from $HASHING_DLL"
else done_ "present"; fi

step "Teams app package (bots/teams → .cache/teams/imagetomusic-teams.zip)"
if [ -n "${TEAMS_APP_ID:-}" ]; then
  bots/teams/build.sh
  done_ "built for app id $TEAMS_APP_ID"
else done_ "skipped: the manifest needs the bot's app id; run with TEAMS_APP_ID=<id>"; fi

step "Build ($CONFIG)"
dotnet build ImageToMusic.sln -c "$CONFIG" -nologo -v quiet -clp:NoSummary
done_ "built; run ./imagetomusic --help"
