// What an operator (or the IT person they call) can act on, for the socket errors a branch
// link produces. The code stays at the end, for support; never alone.
interface Where {
  /** The server's name, for name-lookup failures. */
  readonly host: string;
  /** name:port, for connection failures. */
  readonly hostPort: string;
}

const PLAIN: Readonly<Record<string, (at: Where) => string>> = {
  ECONNREFUSED: (at) => `nothing accepts connections at ${at.hostPort} (is the address right, and the server up?)`,
  ENOTFOUND: (at) => `the name ${at.host} was not found (check the server address, or the desk's DNS)`,
  EAI_AGAIN: (at) => `the name ${at.host} could not be looked up just now (DNS unreachable; the desk may be offline)`,
  EHOSTUNREACH: (at) => `there is no route to ${at.hostPort} (check the desk's network)`,
  ENETUNREACH: () => 'the network is unreachable from this desk (is it connected?)',
  UND_ERR_CONNECT_TIMEOUT: (at) => `${at.hostPort} did not answer the connection in time`,
  ECONNRESET: () => 'the connection was reset',
  UND_ERR_SOCKET: () => 'the connection closed unexpectedly',
  ETIMEDOUT: (at) => `${at.hostPort} stopped answering`,
  EPIPE: () => 'the connection closed while sending',
};

/** "Could not connect to the Oz API: nothing accepts connections at oz.bank:443 (…) [ECONNREFUSED]." */
export function networkFailureText(code: string | null, url: URL, beforeSending: boolean): string {
  const what = beforeSending ? 'Could not connect to the Oz API' : 'The connection to the Oz API failed';
  if (code === null) return `${what}.`;
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  const plain = PLAIN[code]?.({ host: url.hostname, hostPort: `${url.hostname}:${port}` });
  return plain === undefined ? `${what} (${code}).` : `${what}: ${plain} [${code}].`;
}
