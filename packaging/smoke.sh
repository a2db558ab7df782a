#!/usr/bin/env bash
# Smoke-test one ddcheck executable (a frozen bundle or an installed console script):
# version, start the app offscreen with --quit-after-ready, `ddcheck demo`, `ddcheck export` of the
# demo dossier, and read the PDF back with pdftotext. Everything runs in a clean environment
# (`env -i`) with a throw-away HOME and DDCHECK_DATA_DIR, so nothing from this machine leaks in.
#
# With --without-python (for a frozen bundle, as root), every Python installation on this machine
# and the build venv are hidden from the executable in a private mount namespace, which proves
# the bundle needs no Python of the machine's.
#
# Usage: packaging/smoke.sh PATH/TO/ddcheck [--without-python]
set -euo pipefail

EXE=$(realpath "$1")
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STEP_TIMEOUT=${SMOKE_STEP_TIMEOUT:-180}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/ddcheck/__init__.py")

WORK=$(mktemp -d /tmp/ddcheck-smoke.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/runtime" "$WORK/data"
chmod 700 "$WORK/runtime"

HIDE=()
if [[ ${2:-} == --without-python ]]; then
    hide_script='
        for d in /root/.pyenv /usr/lib/python3* /usr/local/lib/python3* /opt/python* "$0"; do
            if [ -d "$d" ]; then mount -t tmpfs none "$d" || exit 97; fi
        done
        for f in /usr/bin/python3* /usr/local/bin/python3* /usr/lib/*/libpython3*; do
            if [ -e "$f" ]; then mount --bind /dev/null "$f" || exit 97; fi
        done
        exec "$@"'
    if unshare -m true 2>/dev/null; then
        HIDE=(unshare -m sh -c "$hide_script" "$ROOT/build/venv-bundle")
        if "${HIDE[@]}" sh -c 'test -s /usr/lib/python3.11/os.py || test -d /root/.pyenv/versions'; then
            fail "could not hide this machine's Python"
        fi
        echo "this machine's Python installations and the build venv are hidden from $EXE"
    else
        echo "note: cannot hide this machine's Python (unshare needs root); using env -i only"
    fi
fi

CLEAN_ENV=(
    PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8
    XDG_RUNTIME_DIR="$WORK/runtime" XDG_CONFIG_HOME="$WORK/home/.config"
    XDG_DATA_HOME="$WORK/home/.local/share" XDG_CACHE_HOME="$WORK/home/.cache"
    DDCHECK_DATA_DIR="$WORK/data"
)

dd() {
    # Run the executable offscreen with nothing but a minimal, throw-away environment.
    timeout --kill-after=10 "$STEP_TIMEOUT" "${HIDE[@]}" env -i "${CLEAN_ENV[@]}" \
        QT_QPA_PLATFORM=offscreen "$EXE" "$@"
}

dd_x11() {
    # Run the executable on a real (virtual) X server, as on a Linux desktop.
    timeout --kill-after=10 "$STEP_TIMEOUT" "${HIDE[@]}" env -i "${CLEAN_ENV[@]}" \
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" "$EXE" "$@"
}

step() { printf -- '--- smoke: %s\n' "$*"; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }

echo "smoke-testing $EXE (expecting version $VERSION)"

step "--version"
out=$(dd --version 2>&1) || fail "--version exited non-zero: $out"
[[ $out == "ddcheck $VERSION" ]] || fail "--version printed '$out', expected 'ddcheck $VERSION'"
echo "$out"

commands=$(dd --help 2>&1) || fail "--help exited non-zero: $commands"
for command in demo list export verify; do
    grep -qE "^ +$command( |\$)" <<<"$commands" || fail "'ddcheck $command' is missing from --help"
done

step "--quit-after-ready (offscreen)"
t0=$(date +%s%N)
dd --quit-after-ready >"$WORK/gui.log" 2>&1 \
    || { cat "$WORK/gui.log"; fail "--quit-after-ready exited non-zero"; }
echo "started, showed the main window and quit in $((($(date +%s%N) - t0) / 1000000)) ms"

if command -v xvfb-run >/dev/null; then
    step "--quit-after-ready on an X server (Xvfb, xcb)"
    dd_x11 --quit-after-ready >"$WORK/x11.log" 2>&1 \
        || { cat "$WORK/x11.log"; fail "--quit-after-ready on xcb exited non-zero"; }
    echo "started on xcb"
else
    echo "note: xvfb-run not installed; the xcb start is not checked"
fi

step "demo"
dd demo --json >"$WORK/demo.json" 2>"$WORK/demo.err" || { cat "$WORK/demo.err"; fail "ddcheck demo exited non-zero"; }
[[ -e $WORK/data/workspace.sqlite ]] || fail "ddcheck demo left no workspace in DDCHECK_DATA_DIR"
dossier=$(grep -m1 -oE '"id": *"[^"]+"' "$WORK/demo.json" | sed -E 's/.*"([^"]+)"$/\1/')
company=$(grep -m1 -oE '"name": *"[^"]+"' "$WORK/demo.json" | sed -E 's/.*"([^"]+)"$/\1/')
[[ -n $dossier && -n $company ]] || fail "ddcheck demo --json printed no dossier id / company name"
echo "demo dossier $dossier ($company)"
dd list >"$WORK/list.txt" 2>&1 || { cat "$WORK/list.txt"; fail "ddcheck list exited non-zero"; }
grep -q "$dossier" "$WORK/list.txt" || fail "ddcheck list does not show the demo dossier"

step "answer with right-to-left text (reshaping and bidi libraries in the export)"
item=$(grep -m1 -oE '"key": *"[^"]+"' "$WORK/demo.json" | sed -E 's/.*"([^"]+)"$/\1/')
[[ -n $item ]] || fail "ddcheck demo --json printed no item key"
dd answer "$dossier" "$item" --not-confidential \
    --note "وكيل محلي في الرياض SMOKE-RTL-NOTE עברית" >"$WORK/answer.log" 2>&1 \
    || { cat "$WORK/answer.log"; fail "ddcheck answer $dossier $item exited non-zero"; }

step "export $dossier"
dd export "$dossier" -o "$WORK/demo.pdf" >"$WORK/export.log" 2>&1 \
    || { cat "$WORK/export.log"; fail "ddcheck export $dossier exited non-zero"; }
grep -v '^exporting' "$WORK/export.log" || true
[[ -s $WORK/demo.pdf ]] || fail "ddcheck export wrote no PDF"

step "read the PDF back (pdfinfo, pdftotext, pdfdetach)"
pdfinfo "$WORK/demo.pdf" >"$WORK/pdfinfo.txt" || fail "pdfinfo cannot read the PDF"
grep -E '^(Title|Creator|Producer|Pages):' "$WORK/pdfinfo.txt"
grep -qE "^Creator: +ddcheck $VERSION\$" "$WORK/pdfinfo.txt" || fail "the PDF's Creator is not 'ddcheck $VERSION'"
pdftotext -layout "$WORK/demo.pdf" "$WORK/demo.txt" || fail "pdftotext cannot read the PDF"
words=$(wc -w <"$WORK/demo.txt")
((words > 200)) || fail "the PDF holds only $words words of text"
grep -q "$VERSION" "$WORK/demo.txt" || fail "the PDF text does not carry version $VERSION"
grep -qF "$company" "$WORK/demo.txt" || fail "the PDF text does not name the company ($company)"
grep -q "SMOKE-RTL-NOTE" "$WORK/demo.txt" || fail "the PDF text lacks the note with right-to-left text"
pdfdetach -list "$WORK/demo.pdf" >"$WORK/attachments.txt" || fail "pdfdetach cannot read the PDF"
grep -qi '\.json' "$WORK/attachments.txt" || fail "the PDF carries no embedded JSON"
echo "PDF: $(stat -c %s "$WORK/demo.pdf") bytes, $words words; $(tr '\n' ' ' <"$WORK/attachments.txt")"

step "verify (the embedded data matches the PDF)"
dd verify "$WORK/demo.pdf" || fail "ddcheck verify rejects the exported PDF"

echo "smoke test passed: $EXE"
