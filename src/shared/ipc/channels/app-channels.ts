import { appInfoSchema } from '../../domain/app-info.js';
import { policyViewSchema } from '../../domain/policy.js';
import { settingsPatchSchema, settingsSchema } from '../../domain/settings.js';
import { noInput } from './no-input.js';

export const appChannels = {
  'app:info': { input: noInput, output: appInfoSchema },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  /** Which settings the machine's managed policy locks. */
  'policy:get': { input: noInput, output: policyViewSchema },
} as const;
