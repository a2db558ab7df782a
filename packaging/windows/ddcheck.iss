; Inno Setup (6.3 or newer) script for ddcheck on Windows 10/11 (x64): a per-user installation that never asks
; for administrator rights. It installs into %LOCALAPPDATA%\Programs\ddcheck, adds a Start menu
; entry (and optionally a desktop icon), and registers an uninstaller under the user's own apps.
; The user's data (%LOCALAPPDATA%\ddcheck, see README) is never touched, not even on uninstall.
;
; Build the one-folder bundle first (dist\ddcheck\ from packaging\ddcheck.spec), then, from the
; repository root:      iscc /DAppVersion=X.Y.Z packaging\windows\ddcheck.iss
; packaging\windows\build-windows.ps1 does all of it and reads the version from ddcheck\__init__.py.
; Result: dist\ddcheck-<version>-setup.exe

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build-windows.ps1 reads it from ddcheck\__init__.py)
#endif

#define AppName "ddcheck"
#define AppExe "ddcheck-gui.exe"

[Setup]
; AppId identifies the installation for updates and uninstall: never change it.
AppId={{5E3A9C61-2F4B-4D8E-A1C7-9B6D0F2E8A43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The ddcheck developers
; VersionInfoVersion takes up to four numbers only: keep __version__ numeric (X.Y.Z) for releases.
VersionInfoVersion={#AppVersion}
; Per user, no elevation: {autopf} is then %LOCALAPPDATA%\Programs and {autoprograms} the user's
; own Start menu. No override is offered, so the installer never shows a UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\ddcheck.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
RestartApplications=no
#ifdef Sign
; build-windows.ps1 passes /DSign and /Sddchecksign=... when a certificate is configured: the
; installer and its uninstaller are then Authenticode-signed (SmartScreen shows the publisher).
SignTool=ddchecksign
SignedUninstaller=yes
#endif

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: leftovers of an older version must not be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\ddcheck\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
