import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import { OzError, OzErrorCode } from '../errors.js';
import type { SandboxContext } from './context.js';

// S10 spells the header with an extra "s"; both spellings are accepted.
export function accessTokenOf(request: FastifyRequest): string | undefined {
  const value = request.headers['x-forensic-access-token'] ?? request.headers['x-forensics-access-token'];
  return Array.isArray(value) ? value[0] : value;
}

export const authenticate = (ctx: SandboxContext, request: FastifyRequest): Principal =>
  ctx.tokens.authenticate(accessTokenOf(request));

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );

// Missing field → 3 INVALID STRUCTURE, wrong JSON type → 5 INVALID TYPE, anything else → 4 INVALID VALUE.
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const label = field === '' ? where : `${where} field "${field}"`;
  if (issue === undefined || (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined)) {
    throw new OzError(OzErrorCode.invalidStructure, `${label} is missing`, { field });
  }
  if (issue.code === 'invalid_type') {
    throw new OzError(OzErrorCode.invalidType, `${label}: ${issue.message}`, { field });
  }
  throw new OzError(OzErrorCode.invalidValue, `${label}: ${issue.message}`, { field });
}

export interface Paging {
  readonly limit: number;
  readonly offset: number;
}

const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

function integerParam(query: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const raw = firstOf(query[name]);
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw)) {
    throw new OzError(OzErrorCode.invalidType, `query parameter ${name} must be an integer`, { field: name });
  }
  const value = Number(raw);
  if (value < 0 || value > max) {
    throw new OzError(OzErrorCode.invalidValue, `query parameter ${name} must be between 0 and ${max}`, { field: name });
  }
  return value;
}

export const maxPageSize = 1000;

export function pagingOf(request: FastifyRequest): Paging {
  const query = request.query as Record<string, unknown>;
  return {
    limit: integerParam(query, 'limit', 100, maxPageSize),
    offset: integerParam(query, 'offset', 0, Number.MAX_SAFE_INTEGER),
  };
}

export function stringParam(request: FastifyRequest, name: string): string | undefined {
  const value = firstOf((request.query as Record<string, unknown>)[name]);
  return typeof value === 'string' ? value : undefined;
}

export function param(request: FastifyRequest, name: string): string {
  return String((request.params as Record<string, unknown>)[name] ?? '');
}
