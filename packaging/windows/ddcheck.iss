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
; The [Registry] entries below associate ddcheck's file types: Explorer must be told.
ChangesAssociations=yes
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

[Registry]
; Double-clicking a .ddcheck, .ddreview or .ddmission file opens it in ddcheck (per user, HKCU;
; ddcheck/file_types.py is the table, tests/packaging/test_file_types.py keeps these in step).
Root: HKCU; Subkey: "Software\Classes\.ddcheck"; ValueType: string; ValueName: ""; ValueData: "ddcheck.bundle"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ddcheck"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-ddcheck-bundle"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ddcheck.bundle"; ValueType: string; ValueName: ""; ValueData: "ddcheck dossier bundle"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ddcheck.bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\ddcheck.bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.ddreview"; ValueType: string; ValueName: ""; ValueData: "ddcheck.review"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ddreview"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-ddcheck-review"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ddcheck.review"; ValueType: string; ValueName: ""; ValueData: "ddcheck adviser review"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ddcheck.review\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\ddcheck.review\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.ddmission"; ValueType: string; ValueName: ""; ValueData: "ddcheck.mission"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.ddmission"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-ddcheck-mission"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\ddcheck.mission"; ValueType: string; ValueName: ""; ValueData: "ddcheck mission pack"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\ddcheck.mission\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\ddcheck.mission\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
