; Puts enroll-desk (resources\bin\enroll-desk.cmd) on the machine PATH, like VS Code's
; "Add to PATH". IT can leave it out of a silent install with /NOCLIPATH.
!include "FileFunc.nsh"

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NOCLIPATH" $R1
  ${If} ${Errors}
    nsExec::ExecToLog 'powershell -NoProfile -ExecutionPolicy Bypass -Command "$$d=''$INSTDIR\resources\bin''; $$p=[Environment]::GetEnvironmentVariable(''Path'',''Machine''); if (($$p -split '';'') -notcontains $$d) { [Environment]::SetEnvironmentVariable(''Path'', ($$p.TrimEnd('';'') + '';'' + $$d), ''Machine'') }"'
  ${EndIf}
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'powershell -NoProfile -ExecutionPolicy Bypass -Command "$$d=''$INSTDIR\resources\bin''; $$p=[Environment]::GetEnvironmentVariable(''Path'',''Machine''); [Environment]::SetEnvironmentVariable(''Path'', ((($$p -split '';'') | Where-Object { $$_ -ne $$d }) -join '';''), ''Machine'')"'
!macroend
