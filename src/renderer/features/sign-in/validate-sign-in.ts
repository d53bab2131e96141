import { serverUrlProblem } from '../../../shared/domain/server-url.js';

export interface SignInFields {
  readonly serverUrl: string;
  readonly email: string;
  readonly password: string;
}

export type SignInProblems = Partial<Record<keyof SignInFields, string>>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** Inline checks before anything is sent; the server has the last word. */
export function validateSignIn(fields: SignInFields): SignInProblems {
  const problems: { -readonly [K in keyof SignInFields]?: string } = {};
  const serverUrl = fields.serverUrl.trim();
  if (serverUrl === '') problems.serverUrl = 'Enter the server address, e.g. https://api.example-oz.com';
  else {
    const problem = serverUrlProblem(serverUrl);
    if (problem) problems.serverUrl = problem;
  }
  const email = fields.email.trim();
  if (email === '') problems.email = 'Enter your e-mail address.';
  else if (!EMAIL_SHAPE.test(email)) problems.email = 'That does not look like an e-mail address.';
  if (fields.password === '') problems.password = 'Enter your password.';
  return problems;
}

export function hasProblems(problems: SignInProblems): boolean {
  return Object.keys(problems).length > 0;
}
