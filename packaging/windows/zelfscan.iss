; Zelfscan: per-user installer (Inno Setup 6). No administrator rights, nothing outside the
; user's profile: the program goes to %LOCALAPPDATA%\Programs\Zelfscan, a Start-menu entry
; is made for this user only. For managed, per-machine installs use the MSI (zelfscan.wxs).
;
; Built by the release workflow (docs/release.md) after `pyinstaller build.spec`:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\zelfscan packaging\windows\zelfscan.iss
; With a signing certificate the workflow adds /DSign and a "zelfscan" sign tool
; (/Szelfscan=...signtool sign... $f), so the installer and its uninstaller are signed with
; a timestamp; without one the installer is built unsigned.
;
; Uninstalling asks whether to delete the user's data as well ("alles wissen"): the vault,
; its backup, the settings and the log, through `zelfscan-cli wipe --yes` (the same code as
; Privacy > Alles wissen in the app). The answer "no" is the default, also for a silent
; uninstall; `unins000.exe /SILENT /WIPEDATA=1` deletes the data without asking.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\zelfscan"
#endif

[Setup]
AppId={{6B0D3C9E-2F6A-4C59-9B1E-7A5C2D8E4F10}
AppName=Zelfscan
AppVersion={#AppVersion}
AppVerName=Zelfscan {#AppVersion}
AppPublisher=Zelfscan-team
AppCopyright=EUPL-1.2
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Zelfscan
DisableDirPage=auto
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=Zelfscan-{#AppVersion}-windows-x64-per-user
SetupIconFile=..\..\resources\icons\zelfscan.ico
UninstallDisplayIcon={app}\zelfscan.exe
UninstallDisplayName=Zelfscan
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
#ifdef Sign
SignTool=zelfscan $f
SignedUninstaller=yes
#endif

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Zelfscan"; Filename: "{app}\zelfscan.exe"; IconFilename: "{app}\zelfscan.exe"

[Run]
Filename: "{app}\zelfscan.exe"; Description: "{cm:LaunchProgram,Zelfscan}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
nl.WipeQuestion=Wilt u ook alles wissen wat Zelfscan op deze computer voor u heeft bewaard?%n%nDat zijn de kluis met uw opgeslagen scans, de reservekopie, de instellingen en het logboek. Dit kan niet ongedaan worden gemaakt.%n%nPdf's die u zelf hebt opgeslagen en vragenlijsten die u zelf hebt toegevoegd, blijven staan.
en.WipeQuestion=Do you also want to delete everything Zelfscan stored for you on this computer?%n%nThat is the vault with your saved scans, its backup, the settings and the log. This can not be undone.%n%nPDFs you saved yourself and questionnaires you added yourself are kept.
nl.WipeFailed=Niet alles kon worden gewist. Open Zelfscan opnieuw en kies Privacy > Alles wissen om te zien wat er nog staat, of verwijder de map %LOCALAPPDATA%\zelfscan.
en.WipeFailed=Not everything could be deleted. Start Zelfscan again and choose Privacy > Delete everything to see what is left, or delete the folder %LOCALAPPDATA%\zelfscan.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
  Wipe: Boolean;
begin
  { Before the program files go: zelfscan-cli.exe must still be there to do the wipe. }
  if CurUninstallStep = usUninstall then
  begin
    Wipe := ExpandConstant('{param:WIPEDATA|0}') = '1';
    if not Wipe then
      Wipe := SuppressibleMsgBox(CustomMessage('WipeQuestion'), mbConfirmation,
        MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
    if Wipe then
    begin
      if not Exec(ExpandConstant('{app}\zelfscan-cli.exe'), 'wipe --yes', '', SW_HIDE,
        ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
        SuppressibleMsgBox(CustomMessage('WipeFailed'), mbError, MB_OK, IDOK);
    end;
  end;
end;
