import { InvalidArgumentError } from 'commander';
import { serverUrlProblem } from '../shared/domain/server-url-rules.js';

export const SERVER_FLAGS = '--server <url>';

/** Commander's parser for --server: the desk's one server-URL rule (https, or http on loopback), before any connection. */
export function parseServerUrl(value: string): string {
  const problem = serverUrlProblem(value);
  if (problem !== null) throw new InvalidArgumentError(problem);
  return value.trim().replace(/\/+$/, '');
}
