#!/bin/sh
# Install (or update) CLV Desk for the current user, from the unpacked release tarball:
#
#     tar xzf clvdesk-<version>-linux-x86_64.tar.gz && clvdesk-<version>/install.sh
#
# No root needed. Puts the app in $PREFIX/lib/clvdesk (PREFIX defaults to ~/.local), the command
# in $PREFIX/bin/clvdesk, and the menu entry, icons and AppStream metadata under
# ${XDG_DATA_HOME:-~/.local/share}. Running a newer tarball's install.sh replaces the app in
# place (your projects and settings are kept). Remove with $PREFIX/lib/clvdesk/uninstall.sh.
set -eu

APP_ID=nl.clvdesk.CLVDesk
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$PREFIX/lib/clvdesk
BIN_DIR=$PREFIX/bin

if [ ! -x "$HERE/clvdesk/clvdesk" ]; then
    echo "error: $HERE/clvdesk/clvdesk not found; run install.sh from the unpacked tarball" >&2
    exit 1
fi
if ! "$HERE/clvdesk/clvdesk" --version >/dev/null 2>&1; then
    echo "error: the app in $HERE/clvdesk does not start on this system" >&2
    exit 1
fi

mkdir -p "$PREFIX/lib" "$BIN_DIR" "$DATA_HOME/applications" "$DATA_HOME/metainfo" \
    "$DATA_HOME/icons/hicolor/scalable/apps" "$DATA_HOME/icons/hicolor/256x256/apps"

# Copy beside the old version first, then swap, so an interrupted update leaves a working app.
rm -rf "$APP_DIR.new" "$APP_DIR.old"
cp -R "$HERE/clvdesk" "$APP_DIR.new"
cp "$HERE/uninstall.sh" "$APP_DIR.new/uninstall.sh"
chmod 755 "$APP_DIR.new/uninstall.sh"
if [ -e "$APP_DIR" ]; then
    mv "$APP_DIR" "$APP_DIR.old"
fi
mv "$APP_DIR.new" "$APP_DIR"
rm -rf "$APP_DIR.old"

ln -sf "$APP_DIR/clvdesk" "$BIN_DIR/clvdesk"

# The menu entry runs the app by its full path: ~/.local/bin is not on every desktop's PATH.
sed -e "s|^Exec=clvdesk |Exec=\"$APP_DIR/clvdesk\" |" -e "s|^TryExec=clvdesk\$|TryExec=$APP_DIR/clvdesk|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA_HOME/icons/hicolor/scalable/apps/"
cp "$HERE/share/icons/hicolor/256x256/apps/$APP_ID.png" "$DATA_HOME/icons/hicolor/256x256/apps/"

# Refresh the desktop's caches where the tools exist; harmless when they do not.
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$DATA_HOME/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true

echo "CLV Desk $("$APP_DIR/clvdesk" --version | cut -d' ' -f2) installed in $APP_DIR"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "note: add $BIN_DIR to your PATH to run 'clvdesk' from a terminal" ;;
esac
