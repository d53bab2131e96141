import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deskPolicySchema, type DeskPolicy, type PolicyView } from '../../shared/domain/policy.js';
import { policyFilePath } from './policy-file.js';

/** The policy in force: empty (nothing locked) when the desk has no policy file. */
export interface LoadedPolicy {
  readonly file: string | null;
  readonly sha256: string | null;
  readonly policy: DeskPolicy;
}

export const NO_POLICY: LoadedPolicy = { file: null, sha256: null, policy: {} };

/** A policy file that cannot be read or does not validate: the app and the CLI refuse to start. */
export class PolicyError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    problem: string,
  ) {
    super(`The managed policy ${file} is invalid${field === null ? '' : ` at field "${field}"`}: ${problem} Ask IT to correct it.`);
    this.name = 'PolicyError';
  }

  toAppError() {
    return { code: 'CONFIG' as const, message: this.message, details: { file: this.file, field: this.field } };
  }
}

function readPolicyFile(file: string, named: boolean): Buffer | null {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No file is no policy, unless the environment named one explicitly.
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !named) return null;
    throw new PolicyError(file, null, `it cannot be read (${code ?? String(err)}).`);
  }
}

/** Reads and validates the policy (fail closed: any problem throws a PolicyError naming the field). */
export function loadDeskPolicy(file: string = policyFilePath(), env: NodeJS.ProcessEnv = process.env): LoadedPolicy {
  const bytes = readPolicyFile(file, Boolean(env.ENROLL_DESK_POLICY));
  if (bytes === null) return NO_POLICY;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new PolicyError(file, null, `it is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const parsed = deskPolicySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
    const field = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.') || null;
    throw new PolicyError(file, field, `${(issue?.message ?? 'it does not match the policy schema').replace(/\.$/, '')}.`);
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), policy: parsed.data };
}

export function policyView(loaded: LoadedPolicy): PolicyView {
  return {
    file: loaded.file,
    sha256: loaded.sha256,
    locked: (Object.keys(loaded.policy) as PolicyView['locked']).filter((k) => loaded.policy[k] !== undefined),
    allowedServers: loaded.policy.allowedServers ? [...loaded.policy.allowedServers] : null,
  };
}
