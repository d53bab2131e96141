import type { HandlerTable } from '../../ipc/handler-table.js';
import { policyView } from '../../policy/load-policy.js';
import type { AppContext } from '../create-app.js';

export const settingsHandlers = (ctx: AppContext): Pick<HandlerTable, 'settings:get' | 'settings:set' | 'policy:get'> => ({
  'settings:get': () => ctx.settings.get(),
  'settings:set': (patch) => ctx.settings.updateByOperator(patch),
  'policy:get': () => policyView(ctx.settings.policy),
});
