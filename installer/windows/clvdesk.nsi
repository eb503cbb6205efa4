; CLV Desk for Windows: per-user installer (no administrator rights) made with NSIS 3.
;
; Installs into $LOCALAPPDATA\Programs\CLV Desk:
;   app\                 the frozen desktop app (PyInstaller folder: clvdesk.exe, CLV Desk.exe)
;   python\              the Python that runs the Excel functions (xlwings runs UDFs in a real
;                        python.exe, not in a frozen exe): embeddable CPython with clvdesk,
;                        excel_addin and xlwings in Lib\site-packages, see build_python_env.py
;   register_addin.py    registers / unregisters the xlwings add-in and the UDF settings
;   clvdesk.ico, uninstall.exe, addin-registration.json (what the registration changed)
; plus a Start-menu shortcut and the uninstall entry under HKCU (Settings > Apps).
;
; Build (python installer/build.py --package does this on Windows; makensis runs from this
; script's folder, so give APP_DIR, PYENV_DIR and OUTFILE as absolute paths):
;   makensis -DVERSION=0.1.0 -DAPP_DIR=%CD%\dist\clvdesk -DPYENV_DIR=%CD%\build\pyinstaller\pyenv
;            [-DOUTFILE=%CD%\dist\CLVDesk-0.1.0-setup.exe] installer\windows\clvdesk.nsi
; Silent install / uninstall (IT departments, CI): CLVDesk-0.1.0-setup.exe /S [/D=C:\path]
;   and "%LOCALAPPDATA%\Programs\CLV Desk\uninstall.exe" /S

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "define VERSION, e.g. makensis -DVERSION=0.1.0"
!endif
!ifndef APP_DIR
  !error "define APP_DIR: the PyInstaller folder (dist\clvdesk)"
!endif
!ifndef PYENV_DIR
  !error "define PYENV_DIR: the Python environment from build_python_env.py"
!endif
!ifndef OUTFILE
  !define OUTFILE "CLVDesk-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "../icons/clvdesk.ico"
!endif

!define APP_NAME "CLV Desk"
!define APP_EXE "CLV Desk.exe"
!define PUBLISHER "The CLV Desk developers"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CLVDesk"
!define STATE_FILE "addin-registration.json"
!define UDF_BAS "clvdesk_udfs.bas"
!define TEMPLATE "clvdesk_template.xlsm"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP_NAME} ${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\app\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Dutch"

LangString MSG_REGISTER ${LANG_ENGLISH} "Registering the Excel add-in (this may start Excel in the background)..."
LangString MSG_REGISTER ${LANG_DUTCH} "Excel-invoegtoepassing registreren (dit kan Excel op de achtergrond starten)..."
LangString MSG_REGISTER_FAILED ${LANG_ENGLISH} "The Excel add-in could not be registered (see the details). The desktop app works; close Excel and run this installer again to retry."
LangString MSG_REGISTER_FAILED ${LANG_DUTCH} "De Excel-invoegtoepassing kon niet worden geregistreerd (zie de details). De desktop-app werkt; sluit Excel en voer dit installatieprogramma opnieuw uit."
LangString MSG_UNREGISTER ${LANG_ENGLISH} "Removing the Excel add-in registration..."
LangString MSG_UNREGISTER ${LANG_DUTCH} "Registratie van de Excel-invoegtoepassing verwijderen..."
LangString MSG_CLOSE_EXCEL ${LANG_ENGLISH} "Close Excel and CLV Desk before continuing: their files cannot be replaced while they run."
LangString MSG_CLOSE_EXCEL ${LANG_DUTCH} "Sluit Excel en CLV Desk voordat u verdergaat: hun bestanden kunnen niet worden vervangen terwijl ze draaien."

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current

  ; An update replaces the program folders whole, so no file of the old version lingers; the
  ; add-in registration state (first-install backup of the user's xlwings settings) is kept.
  ${If} ${FileExists} "$INSTDIR\python\python.exe"
    MessageBox MB_OKCANCEL|MB_ICONINFORMATION "$(MSG_CLOSE_EXCEL)" /SD IDOK IDOK +2
      Abort
    RMDir /r "$INSTDIR\app"
    RMDir /r "$INSTDIR\python"
  ${EndIf}

  SetOutPath "$INSTDIR\app"
  File /r "${APP_DIR}/*"
  SetOutPath "$INSTDIR\python"
  File /r "${PYENV_DIR}/*"
  SetOutPath "$INSTDIR"
  File "register_addin.py"
  File "/oname=clvdesk.ico" "${ICON}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\app\${APP_EXE}" "" "$INSTDIR\clvdesk.ico" 0

  ; What a user needs once per workbook for the Excel functions (README, Excel add-in): the VBA
  ; wrappers to import with File > Import File (no Trust access needed) and the template, copied
  ; out of the private Python into a folder the Start-menu shortcut opens. Only these two files
  ; are ever replaced or deleted there: a workbook the user saved in it stays.
  CreateDirectory "$INSTDIR\excel"
  CopyFiles /SILENT "$INSTDIR\python\Lib\site-packages\excel_addin\${UDF_BAS}" "$INSTDIR\excel"
  CopyFiles /SILENT "$INSTDIR\python\Lib\site-packages\excel_addin\${TEMPLATE}" "$INSTDIR\excel"
  CreateShortcut "$SMPROGRAMS\${APP_NAME} Excel functions.lnk" "$INSTDIR\excel"

  DetailPrint "$(MSG_REGISTER)"
  nsExec::ExecToLog '"$INSTDIR\python\python.exe" "$INSTDIR\register_addin.py" install --interpreter "$INSTDIR\python\pythonw.exe" --state "$INSTDIR\${STATE_FILE}"'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(MSG_REGISTER_FAILED)" /SD IDOK
  ${EndIf}

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\clvdesk.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $1 $2 $3
  IntFmt $1 "0x%08X" $1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  MessageBox MB_OKCANCEL|MB_ICONINFORMATION "$(MSG_CLOSE_EXCEL)" /SD IDOK IDOK +2
    Abort

  ; First undo the add-in registration, while the Python that does it is still there.
  ${If} ${FileExists} "$INSTDIR\python\python.exe"
    DetailPrint "$(MSG_UNREGISTER)"
    nsExec::ExecToLog '"$INSTDIR\python\python.exe" "$INSTDIR\register_addin.py" uninstall --state "$INSTDIR\${STATE_FILE}"'
    Pop $0
  ${EndIf}

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME} Excel functions.lnk"
  Delete "$INSTDIR\excel\${UDF_BAS}"
  Delete "$INSTDIR\excel\${TEMPLATE}"
  RMDir "$INSTDIR\excel"  ; only if empty
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\python"
  Delete "$INSTDIR\register_addin.py"
  Delete "$INSTDIR\clvdesk.ico"
  Delete "$INSTDIR\${STATE_FILE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: never delete what the user put there
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
