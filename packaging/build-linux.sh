#!/usr/bin/env bash
# Build the Linux one-folder bundle from a clean clone, smoke-test it, and pack it:
#
#   bash packaging/build-linux.sh
#
# Needs only python3 (3.11+) with venv and network access to PyPI (or a pip cache / wheelhouse);
# the smoke test needs poppler-utils (pdftotext). It creates its own venv in build/venv-bundle,
# installs there exactly the hashed versions in packaging/requirements-bundle.lock (ddcheck's
# dependencies and PyInstaller; regenerate with packaging/lock.sh) and then ddcheck itself, writes
# the third-party notices and the SBOM of that venv (packaging/licences.sh), runs
# packaging/ddcheck.spec and then packaging/smoke.sh.
# Result:  dist/ddcheck/ddcheck                        (run it; `--help` for the commands)
#          dist/ddcheck-VERSION-linux-ARCH.tar.gz        (unpack anywhere, then ./install.sh)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
VENV=build/venv-bundle
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ddcheck/__init__.py)
ARCH=$(uname -m)
APP_ID=io.github.ddcheck.ddcheck
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off

t() { printf '[build-linux %4ds] %s\n' $((SECONDS)) "$*"; }

t "venv $VENV ($("$PYTHON" --version))"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
t "pip install --require-hashes -r packaging/requirements-bundle.lock, then ddcheck (--no-deps)"
quiet() { "$@" 2>&1 | { grep -v "is ignored: it is neither" || true; }; }
quiet "$VENV/bin/pip" install -q --require-hashes --no-deps -r packaging/requirements-bundle.lock
quiet "$VENV/bin/pip" install -q --no-deps .
"$VENV/bin/pip" check

t "THIRD-PARTY-NOTICES.txt and the SBOM of $VENV (packaging/licences.py)"
rm -rf build/licences
bash packaging/tools-venv.sh
build/venv-tools/bin/python packaging/licences.py "$VENV/bin/python" build/licences

t "pyinstaller packaging/ddcheck.spec"
rm -rf dist/ddcheck
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/ddcheck.spec

t "desktop integration files"
share=dist/ddcheck/share
install -D -m 644 packaging/linux/$APP_ID.desktop "$share/applications/$APP_ID.desktop"
install -D -m 644 packaging/linux/$APP_ID.metainfo.xml "$share/metainfo/$APP_ID.metainfo.xml"
# Double-clicking a .ddcheck, .ddreview or .ddmission file opens ddcheck (install.sh registers it).
install -D -m 644 packaging/linux/$APP_ID.mime.xml "$share/mime/packages/$APP_ID.xml"
install -D -m 644 resources/icons/app/ddcheck.svg "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in resources/icons/app/ddcheck-*.png; do
    size=$(basename "$png" .png); size=${size#ddcheck-}
    install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -m 755 packaging/linux/install.sh dist/ddcheck/install.sh
# The spec put them inside (for the About box); a copy next to the executable for people.
install -m 644 build/licences/THIRD-PARTY-NOTICES.txt build/licences/sbom.cdx.json dist/ddcheck/
for shipped in dist/ddcheck/THIRD-PARTY-NOTICES.txt dist/ddcheck/_internal/ddcheck/_data/licences/THIRD-PARTY-NOTICES.txt; do
    grep -q '^PySide6[_-]Essentials$' "$shipped" || { echo "$shipped does not list PySide6"; exit 1; }
done
for shipped in dist/ddcheck/sbom.cdx.json dist/ddcheck/_internal/ddcheck/_data/licences/sbom.cdx.json; do
    grep -Eiq '"name": "PySide6[_-]Essentials"' "$shipped" || { echo "$shipped does not list PySide6"; exit 1; }
done
du -sh dist/ddcheck

t "smoke test"
bash packaging/smoke.sh dist/ddcheck/ddcheck --without-python

t "tarball"
tarball=dist/ddcheck-$VERSION-linux-$ARCH.tar.gz
tar -C dist -czf "$tarball" ddcheck
ls -l "$tarball"

t "install from the tarball for a throw-away user, run, uninstall"
check_home=$(mktemp -d /tmp/ddcheck-install-check.XXXXXX)
tar -C "$check_home" -xzf "$tarball"
HOME="$check_home/home" XDG_DATA_HOME="" bash "$check_home/ddcheck/install.sh"
installed=$(HOME="$check_home/home" "$check_home/home/.local/bin/ddcheck" --version)
[[ $installed == "ddcheck $VERSION" ]] || { echo "installed ddcheck printed '$installed'"; exit 1; }
desktop-file-validate "$check_home/home/.local/share/applications/$APP_ID.desktop" 2>/dev/null \
    || ! command -v desktop-file-validate >/dev/null || { echo "installed .desktop is invalid"; exit 1; }
HOME="$check_home/home" XDG_DATA_HOME="" bash "$check_home/home/.local/opt/ddcheck/install.sh" --uninstall
[[ ! -e $check_home/home/.local/bin/ddcheck ]] || { echo "uninstall left the launcher"; exit 1; }
rm -rf "$check_home"
t "done: dist/ddcheck/ddcheck and $tarball"
