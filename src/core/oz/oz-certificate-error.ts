import type { AppError } from '../../shared/result.js';
import type { ConvertibleError } from '../errors/to-app-error.js';

export type CertificateProblem = 'untrusted' | 'expired' | 'wrong-host' | 'other';

// Node (OpenSSL) codes, by what IT should look at.
const NODE_CODES: Readonly<Record<string, CertificateProblem>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  HOSTNAME_MISMATCH: 'wrong-host',
  CERT_REVOKED: 'other',
  CERT_REJECTED: 'other',
  INVALID_CA: 'untrusted',
};

// Chromium's net errors, as Electron's net.fetch reports them.
const CHROMIUM_CODES: Readonly<Record<string, CertificateProblem>> = {
  'net::ERR_CERT_AUTHORITY_INVALID': 'untrusted',
  'net::ERR_CERT_DATE_INVALID': 'expired',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'wrong-host',
};

const PROBLEM_TEXT: Readonly<Record<CertificateProblem, string>> = {
  untrusted: 'it is signed by an authority this desk does not trust',
  expired: 'it has expired or is not valid yet',
  'wrong-host': 'it was issued for another host name',
  other: 'it was refused',
};

const IT_ADVICE =
  'Ask IT to install the bank’s root CA certificate on this desk (the system trust store for the app; ' +
  'the PEM file in NODE_EXTRA_CA_CERTS for the CLI and browser mode), or to renew the server’s certificate ' +
  'for the address the desk uses. The desk keeps the work queued and sends nothing until then.';

/** TLS refused the server's certificate: not "offline", and retrying cannot help until IT acts. */
export class OzCertificateError extends Error implements ConvertibleError {
  override readonly name = 'OzCertificateError';

  constructor(
    readonly problem: CertificateProblem,
    /** The TLS library's own code, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE. */
    readonly causeCode: string,
  ) {
    super(`No secure connection: the server's certificate is not trusted by this desk: ${PROBLEM_TEXT[problem]} (${causeCode}). ${IT_ADVICE}`);
  }

  toAppError(): AppError {
    return { code: 'CERTIFICATE', message: this.message, details: { problem: this.problem, cause: this.causeCode } };
  }
}

/** The certificate problem behind a transport failure (Node or Chromium), or null. */
export function certificateProblemOf(err: unknown): OzCertificateError | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const rec = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof rec.code === 'string') {
      const problem = NODE_CODES[rec.code] ?? (rec.code.startsWith('ERR_TLS_CERT') ? 'other' : undefined);
      if (problem !== undefined) return new OzCertificateError(problem, rec.code);
    }
    const chromium = typeof rec.message === 'string' ? /net::ERR_CERT_[A-Z_]+/.exec(rec.message)?.[0] : undefined;
    if (chromium !== undefined) return new OzCertificateError(CHROMIUM_CODES[chromium] ?? 'other', chromium);
    current = rec.cause;
  }
  return null;
}
