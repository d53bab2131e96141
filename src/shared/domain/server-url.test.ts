import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeServerUrl, serverUrlProblemCode } from './server-url.js';

describe('completeServerUrl', () => {
  it('completes loopback addresses with http and names with https', () => {
    expect(completeServerUrl('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(completeServerUrl(' localhost:8080/api ')).toBe('http://localhost:8080/api');
    expect(completeServerUrl('[::1]:9000')).toBe('http://[::1]:9000');
    expect(completeServerUrl('api.oz.example')).toBe('https://api.oz.example');
    expect(completeServerUrl('10.1.2.3:443')).toBe('https://10.1.2.3:443');
  });

  it('leaves a typed scheme and an empty field alone', () => {
    expect(completeServerUrl('http://oz.example')).toBe('http://oz.example');
    expect(completeServerUrl('HTTPS://oz.example')).toBe('HTTPS://oz.example');
    expect(completeServerUrl('')).toBe('');
  });

  it('never turns a name into plain http, and is idempotent', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    const host = fc.tuple(label, label).map(([a, b]) => `${a}.${b}`).filter((h) => !h.startsWith('localhost'));
    fc.assert(
      fc.property(host, fc.option(fc.integer({ min: 1, max: 65535 })), (h, port) => {
        const typed = port === null ? h : `${h}:${port}`;
        const done = completeServerUrl(typed);
        expect(done).toBe(`https://${typed}`);
        expect(completeServerUrl(done)).toBe(done);
        expect(serverUrlProblemCode(done)).toBeNull();
      }),
    );
  });
});
