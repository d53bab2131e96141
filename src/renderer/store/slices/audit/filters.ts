import type { AuditQuery } from '../../../../shared/domain/audit.js';
import type { AuditFilters } from './state.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day (what a date input gives), or undefined. */
function dayStart(value: string): number | undefined {
  const m = DAY.exec(value);
  if (m === null) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The filter form as a query: "to" includes that whole day. */
export function toAuditRange(filters: Pick<AuditFilters, 'from' | 'to'>): { from?: number; to?: number } {
  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  return {
    ...(from === undefined ? {} : { from }),
    ...(toStart === undefined ? {} : { to: toStart + 86_400_000 - 1 }),
  };
}

export function toAuditQuery(filters: AuditFilters, offset: number, limit: number): AuditQuery {
  const operator = filters.operator.trim();
  const target = filters.target.trim();
  return {
    ...toAuditRange(filters),
    ...(operator === '' ? {} : { operator }),
    ...(filters.action === '' ? {} : { action: filters.action }),
    ...(target === '' ? {} : { target }),
    limit,
    offset,
  };
}
