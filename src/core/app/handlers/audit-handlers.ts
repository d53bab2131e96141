import { findAuditHeadKey } from '../../audit/audit-head-seal.js';
import { findAuditKey } from '../../audit/audit-key.js';
import { writeAuditExport } from '../../audit/audit-export.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import type { AppContext } from '../create-app.js';

type AuditChannels = 'audit:query' | 'audit:verify' | 'audit:export';

export const auditHandlers = (ctx: AppContext): Pick<HandlerTable, AuditChannels> => ({
  'audit:query': (query) => ctx.audit.query(query),
  // Verifying never creates a key: a missing one must show as an unverifiable checkpoint.
  'audit:verify': () => ctx.audit.verify(() => findAuditKey(ctx.options.secretStore), () => findAuditHeadKey(ctx.options.secretStore, ctx.options.dataDir)),
  'audit:export': (input) => writeAuditExport(ctx.options.dataDir, ctx.audit, input),
});
