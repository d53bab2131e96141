import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver ships no types; only `satisfies` is needed (npm's own engine check uses it too).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean; minVersion(range: string): { major: number } | null };

interface LockPackage {
  readonly engines?: { readonly node?: string } | readonly string[];
  readonly os?: readonly string[];
  readonly cpu?: readonly string[];
}

/** npm skips (and never engine-checks) optional packages built for another OS or CPU. */
const matches = (list: readonly string[] | undefined, value: string): boolean =>
  list === undefined || (list.includes(value) && !list.includes(`!${value}`)) || (list.every((v) => v.startsWith('!')) && !list.includes(`!${value}`));
const installsHere = (entry: LockPackage): boolean => matches(entry.os, process.platform) && matches(entry.cpu, process.arch);

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const supportedMajor = semver.minVersion(pkg.engines.node)?.major;

describe('the supported Node', () => {
  it('package.json names one LTS major, the one Electron 45 embeds (24)', () => {
    expect(supportedMajor).toBe(24);
  });

  it('runs this suite, and is the `node` on the PATH that npm scripts start', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(supportedMajor);
    const onPath = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
    expect(onPath).toMatch(new RegExp(`^v${supportedMajor}\\.`));
    expect(semver.satisfies(onPath, pkg.engines.node)).toBe(true);
  });

  it('satisfies every locked package’s engines, so `npm ci` warns no EBADENGINE', () => {
    const unsatisfied = Object.entries(lock.packages)
      .filter(([, entry]) => installsHere(entry))
      .map(([name, entry]) => ({ name: name || 'enroll-desk', range: Array.isArray(entry.engines) ? undefined : (entry.engines as { node?: string } | undefined)?.node }))
      .filter((p): p is { name: string; range: string } => p.range !== undefined)
      .filter((p) => !semver.satisfies(process.version, p.range))
      .map((p) => `${p.name} wants node ${p.range}`);
    expect(unsatisfied).toEqual([]);
  });

  it('includes the packages the issue named, which need Node >= 22.12', () => {
    for (const name of ['electron', '@electron/get', '@electron/rebuild', 'node-abi']) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
    expect(semver.satisfies('20.19.0', (lock.packages['node_modules/electron']?.engines as { node: string }).node)).toBe(false);
  });
});
