#!/bin/sh
# Remove CLV Desk installed by install.sh for the current user: the app, the command, the menu
# entry, the icons and the AppStream metadata. Your projects, exported reports and settings are
# not touched. Use the same PREFIX / XDG_DATA_HOME as for the install (defaults: ~/.local).
set -eu

APP_ID=nl.clvdesk.CLVDesk
PREFIX=${PREFIX:-$HOME/.local}
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$PREFIX/lib/clvdesk

if [ -L "$PREFIX/bin/clvdesk" ] && [ "$(readlink "$PREFIX/bin/clvdesk")" = "$APP_DIR/clvdesk" ]; then
    rm -f "$PREFIX/bin/clvdesk"
fi
rm -f "$DATA_HOME/applications/$APP_ID.desktop" \
    "$DATA_HOME/metainfo/$APP_ID.metainfo.xml" \
    "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "$DATA_HOME/icons/hicolor/256x256/apps/$APP_ID.png"
rm -rf "$APP_DIR" "$APP_DIR.new" "$APP_DIR.old"

command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$DATA_HOME/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true

echo "CLV Desk removed from $APP_DIR"
