// What an operator (or the IT person they call) can act on, for the socket errors a branch
// link produces. The code stays at the end, for support; never alone.
const PLAIN: Readonly<Record<string, (where: string) => string>> = {
  ECONNREFUSED: (where) => `nothing accepts connections at ${where} (is the address right, and the server up?)`,
  ENOTFOUND: (where) => `the name ${where} was not found (check the server address, or the desk's DNS)`,
  EAI_AGAIN: (where) => `the name ${where} could not be looked up just now (DNS unreachable; the desk may be offline)`,
  EHOSTUNREACH: (where) => `there is no route to ${where} (check the desk's network)`,
  ENETUNREACH: () => `the network is unreachable from this desk (is it connected?)`,
  UND_ERR_CONNECT_TIMEOUT: (where) => `${where} did not answer the connection in time`,
  ECONNRESET: () => 'the connection was reset',
  UND_ERR_SOCKET: () => 'the connection closed unexpectedly',
  ETIMEDOUT: (where) => `${where} stopped answering`,
  EPIPE: () => 'the connection closed while sending',
};

/** "Could not connect to the Oz API: nothing accepts connections at oz.bank:443 (…) [ECONNREFUSED]." */
export function networkFailureText(code: string | null, url: URL, beforeSending: boolean): string {
  const what = beforeSending ? 'Could not connect to the Oz API' : 'The connection to the Oz API failed';
  if (code === null) return `${what}.`;
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  const plain = PLAIN[code]?.(code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? url.hostname : `${url.hostname}:${port}`);
  return plain === undefined ? `${what} (${code}).` : `${what}: ${plain} [${code}].`;
}
