# Build the Windows bundle and its per-user installer, from the repository root:
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
#
# Needs Python 3.11 (the "py" launcher) and Inno Setup 6.3+ (iscc.exe on PATH or in its default
# folder). Result: dist\ddcheck\ (ddcheck.exe for the command line, ddcheck-gui.exe for the Start
# menu) and dist\ddcheck-<version>-setup.exe. Written with care but not run in CI (Linux only).
#
# Authenticode signing (so Windows SmartScreen names the publisher instead of "unknown publisher"):
# set DDCHECK_SIGN_PFX (a .pfx file) and DDCHECK_SIGN_PASSWORD, or DDCHECK_SIGN_THUMBPRINT (a
# certificate in the user's store or on a token). DDCHECK_SIGN_TIMESTAMP may name another RFC 3161
# time-stamp server. signtool.exe comes from the Windows SDK (on PATH or in Windows Kits\10).
# Then ddcheck.exe, ddcheck-gui.exe, the installer and its uninstaller are signed and verified.
# Without a certificate the build goes on and says loudly that nothing is signed.
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
# THIRD-PARTY-NOTICES.txt and the CycloneDX SBOM of build\venv-bundle, written by tools from their
# own locked venv (packaging\requirements-tools.lock) so they never enter the bundle.
if (Test-Path build\venv-tools) { Remove-Item -Recurse -Force build\venv-tools }
py -3.11 -m venv build\venv-tools
build\venv-tools\Scripts\python -m pip install --require-hashes --no-deps -r packaging\requirements-tools.lock
if ($LASTEXITCODE) { throw "pip install of the tools lock file failed" }
if (Test-Path build\licences) { Remove-Item -Recurse -Force build\licences }
build\venv-tools\Scripts\python packaging\licences.py build\venv-bundle\Scripts\python.exe build\licences
if ($LASTEXITCODE) { throw "third-party notices / SBOM failed" }

build\venv-bundle\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\ddcheck.spec
if ($LASTEXITCODE) { throw "pyinstaller failed" }
Copy-Item build\licences\THIRD-PARTY-NOTICES.txt, build\licences\sbom.cdx.json dist\ddcheck\

# ---- signing (see the top of this file)
$timestamp = if ($env:DDCHECK_SIGN_TIMESTAMP) { $env:DDCHECK_SIGN_TIMESTAMP } else { "http://timestamp.digicert.com" }
$signArgs = $null
if ($env:DDCHECK_SIGN_PFX) {
    if (-not (Test-Path $env:DDCHECK_SIGN_PFX)) { throw "DDCHECK_SIGN_PFX: no file $env:DDCHECK_SIGN_PFX" }
    $signArgs = @("/f", $env:DDCHECK_SIGN_PFX, "/p", $env:DDCHECK_SIGN_PASSWORD)
} elseif ($env:DDCHECK_SIGN_THUMBPRINT) {
    $signArgs = @("/sha1", $env:DDCHECK_SIGN_THUMBPRINT)
}
$signtool = $null
if ($signArgs) {
    $signtool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
    if (-not $signtool) {
        $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" -ErrorAction SilentlyContinue |
            Sort-Object FullName | Select-Object -Last 1 -ExpandProperty FullName
    }
    if (-not $signtool) { throw "a signing certificate is configured but signtool.exe (Windows SDK) was not found" }
    foreach ($exe in "dist\ddcheck\ddcheck.exe", "dist\ddcheck\ddcheck-gui.exe") {
        & $signtool sign /fd sha256 /tr $timestamp /td sha256 @signArgs $exe
        if ($LASTEXITCODE) { throw "signing $exe failed" }
        & $signtool verify /pa $exe
        if ($LASTEXITCODE) { throw "the signature of $exe does not verify" }
    }
    Write-Host "signed ddcheck.exe and ddcheck-gui.exe"
} else {
    Write-Warning ("NOT SIGNED: no certificate configured (DDCHECK_SIGN_PFX + DDCHECK_SIGN_PASSWORD, " +
        "or DDCHECK_SIGN_THUMBPRINT). Windows SmartScreen will call the publisher unknown. " +
        "Fine for a test build, not for distribution.")
}

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
$isccArgs = @("/DAppVersion=$version")
if ($signtool) {
    # Inno Setup signs the installer and the uninstaller it embeds with this command ($f = file,
    # $q = a double quote).
    $quoted = ($signArgs | ForEach-Object { '$q' + $_ + '$q' }) -join " "
    $isccArgs += "/DSign"
    $isccArgs += "/Sddchecksign=`$q$signtool`$q sign /fd sha256 /tr $timestamp /td sha256 $quoted `$f"
}
& $iscc @isccArgs packaging\windows\ddcheck.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
$setup = "dist\ddcheck-$version-setup.exe"
if ($signtool) {
    & $signtool verify /pa $setup
    if ($LASTEXITCODE) { throw "the signature of $setup does not verify" }
    Write-Host "built and signed $setup"
} else {
    Write-Warning "built $setup: NOT SIGNED (see above)"
}
