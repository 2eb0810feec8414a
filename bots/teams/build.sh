#!/usr/bin/env bash
# Builds the Teams app package (manifest + two icons, zipped) to sideload or upload to a Teams admin centre.
#   TEAMS_APP_ID=<the bot's Microsoft App ID> [TEAMS_APP_WEBSITE_URL=https://...] bots/teams/build.sh [output.zip]
# manifest.json is a template: ${{NAME}} placeholders are filled from the environment. The icons are drawn here with
# ImageMagick so no binaries live in the repository.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../../.cache/teams/imagetomusic-teams.zip}
: "${TEAMS_APP_ID:?set TEAMS_APP_ID to the Microsoft App ID of the bot (its Entra app registration)}"
export TEAMS_APP_WEBSITE_URL=${TEAMS_APP_WEBSITE_URL:-https://github.com/}
command -v convert >/dev/null || { echo "ImageMagick's convert is needed to draw the icons (apt-get install imagemagick)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Bash would read ${{...}} as an expansion, so the placeholders are matched from single-quoted text.
ID_TOKEN='${{TEAMS_APP_ID}}'
URL_TOKEN='${{TEAMS_APP_WEBSITE_URL}}'
sed -e "s|$ID_TOKEN|$TEAMS_APP_ID|g" -e "s|$URL_TOKEN|$TEAMS_APP_WEBSITE_URL|g" "$HERE/manifest.json" > "$WORK/manifest.json"
if grep -n '{{' "$WORK/manifest.json" >&2; then
  echo "manifest.json has placeholders (above) that build.sh does not fill" >&2
  exit 1
fi
# Teams wants a 192x192 full-colour icon and a 32x32 outline: white on transparent.
convert -size 192x192 xc:'#5B5FC7' -fill white -draw 'circle 96,96 96,40' -fill '#5B5FC7' -draw 'circle 96,96 96,70' "$WORK/color.png"
convert -size 32x32 xc:none -fill white -draw 'circle 16,16 16,3' "$WORK/outline.png"

mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
(cd "$WORK" && zip -q -X "$OUT.tmp" manifest.json color.png outline.png)
mv "$OUT.tmp" "$OUT"
echo "Teams app package: $OUT"
