import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
}

export interface TestCa {
  /** The CA certificate (PEM file): what IT would put in NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  readonly caPem: Buffer;
  /** A server certificate signed by this CA; `days: 0` makes one that has already expired. */
  issue(hostName: string, opts?: { readonly days?: number }): ServerCertificate;
  remove(): void;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A throwaway certificate authority made with Debian's openssl, like a bank's TLS-inspecting CA. */
export function createTestCa(name = 'Enroll Desk Test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'enroll-desk-ca-'));
  openssl(['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`], dir);
  let serial = 0;
  return {
    caFile: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem')),
    issue(hostName, opts = {}) {
      serial += 1;
      const base = `server-${serial}`;
      writeFileSync(join(dir, `${base}.ext`), `subjectAltName=DNS:${hostName}\nextendedKeyUsage=serverAuth\n`);
      openssl(['req', ...EC_KEY, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${hostName}`], dir);
      openssl(
        ['x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(1000 + serial),
          '-days', String(opts.days ?? 2), '-extfile', `${base}.ext`, '-out', `${base}.pem`],
        dir,
      );
      const certFile = join(dir, `${base}.pem`);
      const keyFile = join(dir, `${base}.key`);
      return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
