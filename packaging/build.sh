#!/usr/bin/env bash
# Builds the installable app: the fat jar, the app image (target/dist/Switchboard) and, where Debian's
# dpkg-deb and fakeroot exist, a .deb (target/dist/switchboard_0.1.0_amd64.deb or similar) that depends on GTK 3.
# Needs a JDK 17+ with jpackage and Maven 3.8+. Extra arguments go to Maven (e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q package -DskipTests "$@"

rm -rf target/dist/Switchboard target/dist/Switchboard.app   # jpackage refuses to overwrite an image
jpackage @jpackage.cfg
echo "app image: target/dist/Switchboard (run bin/Switchboard, or bin/Switchboard --headless --demo)"
# class-data archives (AppCDS) for packaging/switchboard and the app image: a faster start (README "Performance")
packaging/cds-archive.sh jar
packaging/cds-archive.sh image

if [[ "$(uname -s)" == Linux ]] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  rm -f target/dist/switchboard_*.deb
  jpackage --type deb \
    --app-image target/dist/Switchboard \
    --name Switchboard \
    --app-version 0.1.0 \
    --description "Desktop call monitor for OpenAI Realtime SIP calls" \
    --dest target/dist \
    --linux-package-name switchboard \
    --vendor "Switchboard" \
    --linux-deb-maintainer switchboard@example.org \
    --linux-package-deps libgtk-3-0 \
    --linux-menu-group "Network;Telephony" \
    --linux-app-category net \
    --linux-shortcut
  echo "deb: $(ls target/dist/switchboard_*.deb) (sudo apt install ./$(ls target/dist/switchboard_*.deb))"
else
  echo "no .deb: needs Linux with dpkg-deb and fakeroot"
fi
