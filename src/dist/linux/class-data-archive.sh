#!/bin/sh
# Makes the app's class-data archive (AppCDS) for the folder this script is in, or takes it away (--remove).
#
# A training run of the app's own runtime (the command line's balance run, then the window up to its first painted
# frame, headless: under xvfb-run where it is installed, else through Monocle) archives the classes both load,
# parsed and verified; the launcher then maps them instead of reading the jar (java-options in interleave.cfg).
# Java 17 uses such an archive only with the jar at the path it was made with, so it is made where the app is:
# by `mvn -Pdist package` for target/dist/interleave, by the .deb's postinst for /opt/interleave, and by hand
# (sh lib/app/class-data-archive.sh) after moving the folder. Without an archive the app starts as well, only slower;
# this script never fails an install: if anything goes wrong it leaves the folder without archive and says so.
#
# Usage: class-data-archive.sh [--remove]        exit 0 with an archive (or removed), 1 without one
set -u
app=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$app")")
java="$root/lib/runtime/bin/java"
jar="$app/interleave.jar"
jsa="$app/interleave.jsa"
cfg="$app/interleave.cfg"

# first the launcher's options go: an option naming an archive that does not map would also switch off the
# runtime's own archive of the JDK's classes
if [ -f "$cfg" ]; then
  sed -i -e '/^java-options=-Xshare:auto$/d' -e '/^java-options=-XX:SharedArchiveFile=/d' \
    -e '/^java-options=-Xlog:cds=off,cds+dynamic=off$/d' "$cfg"
fi
rm -f "$jsa"
if [ "${1:-}" = "--remove" ]; then
  exit 0
fi
if [ ! -x "$java" ] || [ ! -f "$jar" ] || [ ! -f "$cfg" ]; then
  echo "class-data archive: not made ($root is not an Interleave app folder)" >&2
  exit 1
fi

work=$(mktemp -d 2>/dev/null || echo "/tmp/interleave-cds.$$")
mkdir -p "$work"
log=${CDS_TRAINING_LOG:-$work/training.log}
# the training's own preferences and JavaFX cache, never the user's (or root's, in a postinst)
set -- -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=error,cds+dynamic=error \
  -Djava.util.prefs.userRoot="$work/prefs" -Djavafx.cachedir="$work/javafx" \
  -cp "$jar" interleave.ClassDataTraining
if command -v xvfb-run >/dev/null 2>&1 && command -v xauth >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1; then
  how="xvfb-run"
  timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" "$java" "$@" >"$log" 2>&1
else
  how="Monocle"
  timeout 300 "$java" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw "$@" >"$log" 2>&1
fi
trained=$?
# the archive must map (-Xshare:on refuses to start otherwise) before the launcher is told to use it
if [ "$trained" -eq 0 ] && [ -f "$jsa" ] \
    && "$java" -Xshare:on -XX:SharedArchiveFile="$jsa" -cp "$jar" interleave.Main list >/dev/null 2>>"$log"; then
  # -Xshare:auto: should it ever not map (the folder moved), the runtime's own archive, and no word on stdout
  sed -i -e 's/^\[JavaOptions\]$/[JavaOptions]\njava-options=-Xshare:auto\njava-options=-XX:SharedArchiveFile=$APPDIR\/interleave.jsa\njava-options=-Xlog:cds=off,cds+dynamic=off/' "$cfg"
  echo "class-data archive: $jsa ($(du -k "$jsa" | cut -f1) KB, training under $how)"
  status=0
else
  rm -f "$jsa"
  echo "class-data archive: not made (training under $how ended with $trained); the app starts without it, a little slower" >&2
  tail -n 15 "$log" >&2
  status=1
fi
if [ -z "${CDS_TRAINING_LOG:-}" ]; then
  rm -rf "$work"
else
  rm -rf "$work/prefs" "$work/javafx"
  rmdir "$work" 2>/dev/null
fi
exit $status
