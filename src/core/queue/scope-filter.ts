import type { DeskScope } from '../../shared/domain/desk-scope.js';

/**
 * Which items a listing or a count covers: those of one scope (`here`, which includes the
 * unscoped ones it will adopt), or those made for any other (`elsewhere`). Undefined, or
 * no scope known: all.
 */
export type ScopeFilter = { readonly scope: DeskScope | null; readonly where: 'here' | 'elsewhere' } | undefined;

export function scopeFilterSql(filter: ScopeFilter): { readonly sql: string; readonly params: readonly string[] } {
  if (filter === undefined) return { sql: '1 = 1', params: [] };
  const { scope, where } = filter;
  // A desk that knows no server yet shows all it holds.
  if (scope === null) return { sql: where === 'here' ? '1 = 1' : '1 = 0', params: [] };
  const mine = '(server = ? AND account = ?)';
  return {
    sql: where === 'here' ? `(server IS NULL OR ${mine})` : `(server IS NOT NULL AND NOT ${mine})`,
    params: [scope.server, scope.account],
  };
}
