import type { AppError } from '../../shared/result.js';
import type { ConvertibleError } from '../errors/to-app-error.js';

// What the desk refuses to do for a server, whatever the server asks: the request or the
// answer is unsafe, and sending the same request again cannot make it safe.

/** The server redirected to another origin or to plain http; nothing was sent there. */
export class OzRedirectError extends Error implements ConvertibleError {
  override readonly name = 'OzRedirectError';

  constructor(
    readonly from: string,
    /** The `Location` target, or null when the transport hid it. */
    readonly target: string | null,
    readonly httpStatus: number,
    options?: ErrorOptions,
  ) {
    super(
      target === null
        ? `The Oz API at ${from} answered with a redirect${httpStatus > 0 ? ` (HTTP ${httpStatus})` : ''}; the desk does not follow redirects with credentials.`
        : `The Oz API at ${from} redirected to ${target}${target.startsWith('http:') ? ' (plain http)' : ''}; ` +
            'the desk does not follow redirects with credentials. If that is the real address of the Oz API, ask IT to set it as the server URL.',
      options,
    );
  }

  toAppError(): AppError {
    return { code: 'OZ_API', message: this.message, details: { refused: 'redirect', httpStatus: this.httpStatus, target: this.target } };
  }
}

/** A URL the server handed out points to another origin: the token is never sent there. */
export class OzOriginError extends Error implements ConvertibleError {
  override readonly name = 'OzOriginError';

  constructor(
    readonly target: string,
    readonly apiOrigin: string,
  ) {
    super(`Refusing to send credentials to ${target}: it is not the Oz API's origin (${apiOrigin}).`);
  }

  toAppError(): AppError {
    return { code: 'OZ_API', message: this.message, details: { refused: 'origin', target: this.target } };
  }
}

/** A photo URL the server handed out that the desk will not fetch: unreadable, plain http off this computer, or with a password in it. */
export class OzMediaUrlError extends Error implements ConvertibleError {
  override readonly name = 'OzMediaUrlError';

  constructor(
    /** The URL as the server sent it, cut to a readable length (it may be garbage). */
    readonly url: string,
    readonly problem: string,
  ) {
    super(`The Oz API handed out a photo link the desk will not fetch (${url}): ${problem}`);
  }

  toAppError(): AppError {
    return { code: 'OZ_API', message: this.message, details: { refused: 'media-url', url: this.url } };
  }
}

/** A response body over its named limit, refused before it was all in memory. */
export class OzResponseTooLargeError extends Error implements ConvertibleError {
  override readonly name = 'OzResponseTooLargeError';

  constructor(
    readonly path: string,
    readonly limitName: string,
    readonly limitBytes: number,
  ) {
    super(`The Oz API's answer to ${path} is larger than the desk accepts (${limitName}: ${Math.round(limitBytes / 1024 / 1024)} MiB); it was not read.`);
  }

  toAppError(): AppError {
    return { code: 'OZ_API', message: this.message, details: { refused: 'too-large', path: this.path, limit: this.limitName, limitBytes: this.limitBytes } };
  }
}

export type OzRefusal = OzRedirectError | OzOriginError | OzMediaUrlError | OzResponseTooLargeError;

export function isOzRefusal(err: unknown): err is OzRefusal {
  return err instanceof OzRedirectError || err instanceof OzOriginError || err instanceof OzMediaUrlError || err instanceof OzResponseTooLargeError;
}
