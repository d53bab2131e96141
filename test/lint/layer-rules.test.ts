import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints a fixture as if it lived at `virtualPath` in the tree, so the per-folder rules apply. */
async function lintAs(fixture: string, virtualPath: string) {
  const code = readFileSync(path.join(import.meta.dirname, 'fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, virtualPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer boundaries (design §2)', () => {
  it('fails a renderer file that imports node:fs', async () => {
    const errors = await lintAs('renderer-imports-node.tsx', 'src/renderer/features/leak/Leak.tsx');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/sandboxed/);
  });

  it('fails a renderer file that imports electron', async () => {
    const errors = await lintAs('renderer-imports-electron.tsx', 'src/renderer/features/leak/Leak.tsx');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/IPC client/);
  });

  it('fails a renderer file that imports src/core', async () => {
    expect(await lintAs('renderer-imports-core.tsx', 'src/renderer/features/leak/Leak.tsx')).toHaveLength(1);
  });

  it('fails ipcMain outside src/main/ipc/register.ts, allows it there', async () => {
    expect(await lintAs('main-uses-ipcmain.ts', 'src/main/window/sneaky.ts')).toHaveLength(1);
    expect(await lintAs('main-uses-ipcmain.ts', 'src/main/ipc/register.ts')).toHaveLength(0);
  });

  it('fails the sandbox importing the client side', async () => {
    expect(await lintAs('sandbox-imports-core.ts', 'src/sandbox/routes/leak.ts')).toHaveLength(1);
  });

  it('passes a renderer file that imports only src/shared', async () => {
    expect(await lintAs('renderer-clean.tsx', 'src/renderer/features/ok/Ok.tsx')).toHaveLength(0);
  });
});
