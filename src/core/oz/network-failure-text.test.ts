import { describe, expect, it } from 'vitest';
import { networkFailureText } from './network-failure-text.js';

const oz = new URL('https://oz.branch.test/api/');

describe('network failure texts', () => {
  it('say what failed, where, and what to check, with the code last for support', () => {
    expect(networkFailureText('ECONNREFUSED', oz, true)).toBe(
      'Could not connect to the Oz API: nothing accepts connections at oz.branch.test:443 (is the address right, and the server up?) [ECONNREFUSED].',
    );
    expect(networkFailureText('ENOTFOUND', new URL('http://127.0.0.1:8080/'), true)).toContain('the name 127.0.0.1 was not found');
    expect(networkFailureText('EAI_AGAIN', oz, true)).toContain('could not be looked up just now');
    expect(networkFailureText('EHOSTUNREACH', new URL('http://10.0.0.9:81/'), true)).toContain('no route to 10.0.0.9:81');
    expect(networkFailureText('ECONNRESET', oz, false)).toBe('The connection to the Oz API failed: the connection was reset [ECONNRESET].');
  });

  it('keeps an unknown code as it is, and says only what failed when there is none', () => {
    expect(networkFailureText('ESOMETHING', oz, false)).toBe('The connection to the Oz API failed (ESOMETHING).');
    expect(networkFailureText(null, oz, false)).toBe('The connection to the Oz API failed.');
  });
});
