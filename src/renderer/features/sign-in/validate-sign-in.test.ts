import { describe, expect, it } from 'vitest';
import { hasProblems, validateSignIn } from './validate-sign-in.js';

const good = { serverUrl: 'https://api.oz.example', email: 'op@bank.example', password: 'pw' };

describe('validateSignIn', () => {
  it('accepts https and loopback http', () => {
    expect(validateSignIn(good)).toEqual({});
    expect(hasProblems(validateSignIn({ ...good, serverUrl: 'http://127.0.0.1:8080' }))).toBe(false);
  });

  it('names each missing field', () => {
    const problems = validateSignIn({ serverUrl: ' ', email: '', password: '' });
    expect(Object.keys(problems).sort()).toEqual(['email', 'password', 'serverUrl']);
  });

  it('refuses plain http to another machine and a malformed e-mail', () => {
    const problems = validateSignIn({ ...good, serverUrl: 'http://oz.example', email: 'op at bank' });
    expect(problems.serverUrl).toMatch(/https/);
    expect(problems.email).toMatch(/e-mail/);
    expect(problems.password).toBeUndefined();
  });
});
