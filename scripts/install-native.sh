#!/usr/bin/env bash
# Installs the Debian packages SmartSpot needs, only those missing.
#   scripts/install-native.sh run     -> libgtk-3-0 (OpenCV's native library loads it), ffmpeg (the engine decodes
#                                        video with Debian's ffmpeg and ffprobe as child processes)
#   scripts/install-native.sh test    -> the above + chromium (browser tests) + mosquitto (MQTT broker the alert tests start)
#   scripts/install-native.sh bench   -> the above (ffmpeg is also the decode-only baseline)
set -euo pipefail

packages=(libgtk-3-0 ffmpeg)
case "${1:-run}" in
  run) ;;
  test) packages+=(chromium mosquitto) ;;
  bench) packages+=(chromium mosquitto) ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "SmartSpot needs these Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing ${missing[*]} ..." >&2
"${as_root[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
