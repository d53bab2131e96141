import { describe, expect, it } from 'vitest';
import { buildProgram } from '../cli/program.js';
import { CLI_COMMANDS, cliArguments } from './cli-mode.js';

const exe = 'C:\\Program Files\\Enroll Desk\\Enroll Desk.exe';

describe('CLI or window, decided from argv', () => {
  it('runs what follows --cli', () => {
    expect(cliArguments([exe, '--cli', 'import', 'D:\\persons', '--dry-run'], true)).toEqual(['import', 'D:\\persons', '--dry-run']);
    expect(cliArguments([exe, '--cli'], true)).toEqual([]);
  });

  it('runs a CLI command given first, as the /usr/bin/enroll-desk link starts the binary', () => {
    expect(cliArguments(['/opt/Enroll Desk/enroll-desk', 'sync', '--json'], true)).toEqual(['sync', '--json']);
  });

  it('opens the window for no arguments, Chromium switches or a file', () => {
    expect(cliArguments([exe], true)).toBeNull();
    expect(cliArguments([exe, '--no-sandbox'], true)).toBeNull();
    expect(cliArguments([exe, 'persons.csv'], true)).toBeNull();
  });

  it('skips the app path an unpackaged run puts first (electron .)', () => {
    expect(cliArguments(['electron', '.', '--cli', 'queue'], false)).toEqual(['queue']);
    expect(cliArguments(['electron', '.'], false)).toBeNull();
  });

  it('knows exactly the CLI’s commands', () => {
    const names = buildProgram().commands.map((c) => c.name());
    expect([...CLI_COMMANDS].sort()).toEqual([...names, 'help'].sort());
  });
});
