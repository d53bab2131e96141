import { z } from 'zod';

/** A 500 limited to one method and path prefix, e.g. `5xx@DELETE:/api/analyses=1`. */
export interface ScopedServerError {
  readonly method: string;
  readonly pathPrefix: string;
  readonly rate: number;
}

// Parsed form of a spec like "5xx=0.2,reset=0.1,latency=0-500,expire=20s,429=0.05:2" (or "5xx=0.2:503").
export interface FaultConfig {
  readonly serverErrorRate: number;
  /** The status of those errors: 500 unless the spec names another 5xx (e.g. `5xx=0.2:503`). */
  readonly serverErrorStatus: number;
  readonly resetRate: number;
  readonly latencyMs: { readonly min: number; readonly max: number } | null;
  readonly expireEveryMs: number | null;
  readonly tooManyRequests: { readonly rate: number; readonly retryAfterSeconds: number } | null;
  readonly scopedServerErrors: readonly ScopedServerError[];
}

export const noFaults: FaultConfig = {
  serverErrorRate: 0,
  serverErrorStatus: 500,
  resetRate: 0,
  latencyMs: null,
  expireEveryMs: null,
  tooManyRequests: null,
  scopedServerErrors: [],
};

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

const rate = z.number({ message: 'must be a number' }).min(0, 'must be ≥ 0').max(1, 'must be ≤ 1');
const probability = z.coerce.number({ message: 'must be a number' }).pipe(rate);

const latency = z
  .string()
  .regex(/^\d+(-\d+)?$/, 'must be "<ms>" or "<min ms>-<max ms>"')
  .transform((text) => {
    const [min, max = min] = text.split('-').map(Number) as [number, number?];
    return { min, max };
  })
  .refine((range) => range.min <= range.max, 'min must not exceed max');

const unitMs: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

const duration = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m)?$/, 'must be a duration like 20s, 500ms or 2m')
  .transform((text) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
    return Number(match?.[1]) * (unitMs[match?.[2] ?? 's'] ?? 1000);
  })
  .refine((ms) => ms > 0, 'must be longer than 0');

const tooMany = z
  .string()
  .regex(/^[\d.]+(:\d+)?$/, 'must be "<probability>" or "<probability>:<retry-after seconds>"')
  .transform((text) => {
    const [rate, retry = '1'] = text.split(':') as [string, string?];
    return { rate: Number(rate), retryAfterSeconds: Number(retry) };
  })
  .pipe(z.object({ rate, retryAfterSeconds: z.number().int().min(0) }));

const serverErrors = z
  .string()
  .regex(/^[\d.]+(:\d+)?$/, 'must be a number (a probability), optionally with ":<status 500-599>"')
  .transform((text) => {
    const [rate, status = '500'] = text.split(':') as [string, string?];
    return { rate: Number(rate), status: Number(status) };
  })
  .pipe(z.object({ rate, status: z.number().int().min(500, 'status must be 500-599').max(599, 'status must be 500-599') }));

const specFields = z
  .object({
    '5xx': serverErrors.optional(),
    reset: probability.optional(),
    latency: latency.optional(),
    expire: duration.optional(),
    '429': tooMany.optional(),
  })
  .strict();

const scopedKey = /^5xx@([A-Z]+):(\/\S*)$/;

function parseScoped(spec: string, key: string, value: string): ScopedServerError {
  const match = scopedKey.exec(key);
  if (match === null) throw new FaultSpecError(`fault spec "${spec}": "${key}" must look like 5xx@<METHOD>:<path prefix>, e.g. 5xx@DELETE:/api/analyses`);
  const parsed = probability.safeParse(value);
  if (!parsed.success) throw new FaultSpecError(`fault spec "${spec}": ${key}: ${parsed.error.issues[0]?.message ?? 'bad value'}`);
  return { method: match[1] ?? '', pathPrefix: match[2] ?? '', rate: parsed.data };
}

export function parseFaultSpec(spec: string | null | undefined): FaultConfig {
  if (spec === null || spec === undefined || spec.trim() === '') return noFaults;
  const fields: Record<string, string> = {};
  const scoped: ScopedServerError[] = [];
  for (const entry of spec.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`fault spec: "${entry}" is not key=value`);
    const key = entry.slice(0, eq).trim();
    if (key in fields) throw new FaultSpecError(`fault spec: "${key}" given twice`);
    const value = entry.slice(eq + 1).trim();
    if (key.includes('@')) scoped.push(parseScoped(spec, key, value));
    fields[key] = value;
  }
  const parsed = specFields.safeParse(Object.fromEntries(Object.entries(fields).filter(([key]) => !key.includes('@'))));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown fault kind(s) ${issue.keys.join(', ')} (known: 5xx, 5xx@<METHOD>:<path>, reset, latency, expire, 429)`
        : `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new FaultSpecError(`fault spec "${spec}": ${problems.join('; ')}`);
  }
  const f = parsed.data;
  return {
    serverErrorRate: f['5xx']?.rate ?? 0,
    serverErrorStatus: f['5xx']?.status ?? 500,
    resetRate: f.reset ?? 0,
    latencyMs: f.latency ?? null,
    expireEveryMs: f.expire ?? null,
    tooManyRequests: f['429'] ?? null,
    scopedServerErrors: scoped,
  };
}
