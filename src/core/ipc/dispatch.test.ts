import { describe, expect, it } from 'vitest';
import type { HandlerTable } from './handler-table.js';
import { dispatch } from './dispatch.js';
import { AppFailure } from '../errors/app-failure.js';

const signedOut = { state: 'signedOut', rememberedEmail: null, serverUrl: null } as const;

function table(overrides: Partial<Record<keyof HandlerTable, (input: never) => unknown>> = {}): HandlerTable {
  const base = {
    'app:info': () => ({ name: 'Enroll Desk', version: '1', host: 'browser', platform: 'linux', deskName: 'd', localSandboxAvailable: true }),
    'settings:get': () => ({ serverUrl: null, deskName: 'd', rememberedEmail: null, useLocalSandbox: false }),
    'settings:set': () => ({ serverUrl: null, deskName: 'd', rememberedEmail: null, useLocalSandbox: false }),
    'session:status': () => signedOut,
    'session:signIn': () => signedOut,
    'session:signInLocalSandbox': () => signedOut,
    'session:signOut': () => signedOut,
  };
  return { ...base, ...overrides } as unknown as HandlerTable;
}

describe('dispatch', () => {
  it('returns BAD_INPUT with the failing fields for invalid input, without calling the handler', async () => {
    let called = false;
    const result = await dispatch(table({ 'session:signIn': () => ((called = true), signedOut) }), 'session:signIn', {
      serverUrl: 'https://x.test',
      email: 'not-an-email',
      password: '',
      remember: 'yes',
    });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    const paths = (result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'remember']));
  });

  it('refuses unknown extra fields (strict schemas)', async () => {
    const result = await dispatch(table(), 'settings:set', { deskName: 'x', isAdmin: true });
    expect(result.ok).toBe(false);
  });

  it('returns UNKNOWN_CHANNEL for a channel not in the contract', async () => {
    const result = await dispatch(table(), 'fs:readFile', '/etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('never throws: a failing handler becomes an error result', async () => {
    const result = await dispatch(
      table({ 'session:status': () => { throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.'); } }),
      'session:status',
      undefined,
    );
    expect(result).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' } });
    const crash = await dispatch(table({ 'session:status': () => { throw new TypeError('boom'); } }), 'session:status', undefined);
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('drops fields the contract does not name from outputs (no token can leak)', async () => {
    const leaky = { state: 'signedIn', serverUrl: 'https://x.test', email: 'a@b.c', isLocalSandbox: false, remembered: false, accessToken: 'secret' };
    const result = await dispatch(table({ 'session:status': () => leaky }), 'session:status', undefined);
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.value)).not.toContain('secret');
  });

  it('passes parsed input to the handler', async () => {
    let seen: unknown;
    const result = await dispatch(
      table({ 'settings:set': (input: never) => ((seen = input), { serverUrl: 'https://oz.test', deskName: 'Desk 7', rememberedEmail: null, useLocalSandbox: false }) }),
      'settings:set',
      { serverUrl: 'https://oz.test/', deskName: '  Desk 7 ' },
    );
    expect(result.ok).toBe(true);
    expect(seen).toEqual({ serverUrl: 'https://oz.test', deskName: 'Desk 7' });
  });
});
