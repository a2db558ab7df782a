# Build the Windows bundle and its per-user installer, from the repository root:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
#
# Needs Python 3.11 (the "py" launcher) and Inno Setup 6.3+ (iscc.exe on PATH or in its default
# folder). Result: dist\ddcheck\ (ddcheck.exe for the command line, ddcheck-gui.exe for the Start
# menu) and dist\ddcheck-<version>-setup.exe. Written with care but not run in CI (Linux only).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$version = (Select-String -Path "ddcheck\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
Write-Host "ddcheck $version"

if (Test-Path build\venv-bundle) { Remove-Item -Recurse -Force build\venv-bundle }
py -3.11 -m venv build\venv-bundle
# Exactly the hashed versions of packaging\requirements-bundle.lock (regenerate with packaging/lock.sh),
# then ddcheck itself without resolving anything again.
build\venv-bundle\Scripts\python -m pip install --require-hashes --no-deps -r packaging\requirements-bundle.lock
if ($LASTEXITCODE) { throw "pip install of the lock file failed" }
build\venv-bundle\Scripts\python -m pip install --no-deps .
if ($LASTEXITCODE) { throw "pip install of ddcheck failed" }
build\venv-bundle\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\ddcheck.spec
if ($LASTEXITCODE) { throw "pyinstaller failed" }

# Smoke test: the right version, and the window starts and quits offscreen.
$printed = & dist\ddcheck\ddcheck.exe --version
if ($printed -ne "ddcheck $version") { throw "--version printed '$printed'" }
$env:QT_QPA_PLATFORM = "offscreen"
$env:DDCHECK_DATA_DIR = Join-Path $env:TEMP "ddcheck-smoke-$PID"
& dist\ddcheck\ddcheck.exe --quit-after-ready
if ($LASTEXITCODE) { throw "--quit-after-ready failed" }
& dist\ddcheck\ddcheck.exe demo
if ($LASTEXITCODE) { throw "ddcheck demo failed" }
Remove-Item Env:QT_QPA_PLATFORM, Env:DDCHECK_DATA_DIR

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\ddcheck.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "built dist\ddcheck-$version-setup.exe"
