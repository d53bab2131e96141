import { appInfoSchema } from '../../domain/app-info.js';
import { settingsPatchSchema, settingsSchema } from '../../domain/settings.js';
import { noInput } from './no-input.js';

export const appChannels = {
  'app:info': { input: noInput, output: appInfoSchema },
  'settings:get': { input: noInput, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
} as const;
