import { completeServerUrl, serverUrlProblemCode } from '../../../shared/domain/server-url.js';
import { t } from '../../i18n/index.js';

export interface SignInFields {
  readonly serverUrl: string;
  readonly email: string;
  readonly password: string;
}

export type SignInProblems = Partial<Record<keyof SignInFields, string>>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** Inline checks before anything is sent (on the completed address); the server has the last word. */
export function validateSignIn(fields: SignInFields): SignInProblems {
  const problems: { -readonly [K in keyof SignInFields]?: string } = {};
  const serverUrl = completeServerUrl(fields.serverUrl);
  if (serverUrl === '') problems.serverUrl = t('signIn.problem.serverMissing');
  else {
    const code = serverUrlProblemCode(serverUrl);
    if (code) problems.serverUrl = t(`signIn.problem.server.${code}`);
  }
  const email = fields.email.trim();
  if (email === '') problems.email = t('signIn.problem.emailMissing');
  else if (!EMAIL_SHAPE.test(email)) problems.email = t('signIn.problem.emailShape');
  if (fields.password === '') problems.password = t('signIn.problem.passwordMissing');
  return problems;
}

export function hasProblems(problems: SignInProblems): boolean {
  return Object.keys(problems).length > 0;
}
