@echo off
rem enroll-desk on the PATH: the installed app runs the CLI headless (the RunAsNode fuse stays off).
"%~dp0..\..\Enroll Desk.exe" --cli %*
exit /b %ERRORLEVEL%
