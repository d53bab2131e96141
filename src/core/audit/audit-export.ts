import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditExportResult } from '../../shared/domain/audit.js';
import type { AuditLog, AuditRange } from './audit-log.js';

export const EXPORTS_DIR = 'exports';

/** Writes the entries of `range` as CSV or JSON into `<dataDir>/exports/` and tells where. */
export function writeAuditExport(
  dataDir: string,
  audit: AuditLog,
  input: AuditRange & { readonly format: 'csv' | 'json' },
  now: Date = new Date(),
): AuditExportResult {
  const dir = path.join(dataDir, EXPORTS_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const range: AuditRange = { ...(input.from === undefined ? {} : { from: input.from }), ...(input.to === undefined ? {} : { to: input.to }) };
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `audit-${stamp}.${input.format}`);
  writeFileSync(file, input.format === 'csv' ? audit.exportCsv(range) : audit.exportJson(range), { mode: 0o600 });
  return { path: file, entries: audit.entries(range).length };
}
