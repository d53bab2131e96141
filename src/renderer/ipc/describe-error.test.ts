import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.js';

describe('describeError', () => {
  it('shows the message alone when the server sent nothing more', () => {
    expect(describeError({ code: 'NETWORK', message: 'The server could not be reached.' })).toBe('The server could not be reached.');
    expect(describeError({ code: 'BAD_INPUT', message: 'Invalid input', details: { errorMessage: 42 } })).toBe('Invalid input');
  });

  it('quotes the Oz errorMessage when it is the whole message', () => {
    const text = describeError({ code: 'OZ_API', message: 'invalid credentials', details: { errorCode: 4, errorMessage: 'invalid credentials' } });
    expect(text).toBe('The Oz server refused the request: “invalid credentials”.');
  });

  it('adds the Oz errorMessage to our own explanation', () => {
    const text = describeError({ code: 'OZ_API', message: 'Sign-in was refused.', details: { errorMessage: 'user is blocked' } });
    expect(text).toBe('Sign-in was refused. The Oz server said: “user is blocked”.');
  });
});
