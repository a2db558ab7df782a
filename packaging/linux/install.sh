#!/usr/bin/env bash
# Install (or update) this ddcheck bundle for the current user, no administrator rights needed:
#   ./install.sh              copy to ~/.local/opt/ddcheck, link ~/.local/bin/ddcheck, add the menu entry
#   ./install.sh --uninstall  remove all of that again (your data folder is left alone)
# Your dossiers live in ~/.local/share/ddcheck (or $DDCHECK_DATA_DIR), never inside the app folder.
set -euo pipefail

APP_ID=io.github.ddcheck.ddcheck
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local/opt/ddcheck
BIN=$HOME/.local/bin/ddcheck

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$DATA_HOME/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" || true
    command -v update-mime-database >/dev/null && update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
}

if [[ ${1:-} == --uninstall ]]; then
    rm -rf "$PREFIX"
    [[ -L $BIN ]] && rm -f "$BIN"
    rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml" \
        "$DATA_HOME/mime/packages/$APP_ID.xml"
    find "$DATA_HOME/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
    refresh_caches
    echo "ddcheck removed. Your data in ${DDCHECK_DATA_DIR:-$DATA_HOME/ddcheck} was left in place."
    exit 0
fi

if [[ $HERE != "$PREFIX" ]]; then
    rm -rf "$PREFIX.new"
    mkdir -p "$(dirname "$PREFIX")"
    cp -a "$HERE" "$PREFIX.new"
    rm -rf "$PREFIX"
    mv "$PREFIX.new" "$PREFIX"
fi
mkdir -p "$(dirname "$BIN")"
ln -sfn "$PREFIX/ddcheck" "$BIN"
(cd "$PREFIX/share" && find applications metainfo icons mime -type f) | while read -r file; do
    install -D -m 644 "$PREFIX/share/$file" "$DATA_HOME/$file"
done
# The menu entry must run this copy even when ~/.local/bin is not on the PATH of the desktop session.
sed -i "s|^Exec=ddcheck |Exec=$PREFIX/ddcheck |; s|^TryExec=ddcheck|TryExec=$PREFIX/ddcheck|" \
    "$DATA_HOME/applications/$APP_ID.desktop"
refresh_caches
echo "ddcheck installed in $PREFIX; start it from the applications menu or run: $BIN"
