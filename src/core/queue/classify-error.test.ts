import { describe, expect, it } from 'vitest';
import { OzApiError, OzCertificateError, OzMediaUrlError, OzNetworkError, OzOriginError, OzRedirectError, OzResponseTooLargeError } from '../oz/index.js';
import { classifyFailure } from './classify-error.js';

describe('classifyFailure', () => {
  it('pauses on a refused certificate: every request would fail the same way until IT acts', () => {
    expect(classifyFailure(new OzCertificateError('untrusted', 'SELF_SIGNED_CERT_IN_CHAIN'))).toMatchObject({ kind: 'pause', reason: 'certificate' });
  });

  it('quarantines what the desk refuses for a hostile server instead of retrying it forever', () => {
    const refusals = [
      new OzRedirectError('https://oz.bank', 'https://evil.example/x', 302),
      new OzOriginError('https://evil.example', 'https://oz.bank'),
      new OzMediaUrlError('http://203.0.113.9', 'it uses plain http to another computer; Oz must serve media over https'),
      new OzResponseTooLargeError('/api/collections/', 'JSON response limit', 16),
    ];
    for (const err of refusals) expect(classifyFailure(err)).toEqual({ kind: 'quarantine', reason: err.message });
  });

  it('still retries what is transient: 5xx, 429, resets', () => {
    const busy = new OzApiError({ httpStatus: 503, errorCode: null, errorMessage: null, details: null });
    expect(classifyFailure(busy)).toMatchObject({ kind: 'retry' });
    expect(classifyFailure(new OzApiError({ httpStatus: 429, errorCode: 0, errorMessage: null, details: null, retryAfterSeconds: 3 }))).toMatchObject({ kind: 'retry', retryAfterSeconds: 3 });
    expect(classifyFailure(new OzNetworkError('reset', true, 'ECONNRESET'))).toMatchObject({ kind: 'retry' });
  });
});
