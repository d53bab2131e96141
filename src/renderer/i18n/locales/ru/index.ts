import { audit } from './audit.js';
import { collections } from './collections.js';
import { common } from './common.js';
import { enroll } from './enroll.js';
import { persons } from './persons.js';
import { shell } from './shell.js';
import { settings } from './settings.js';
import { sync } from './sync.js';

/** Русский каталог: те же ключи, что в английском (проверяет catalogues.test.ts), с формами множественного числа one/few/many/other. */
export const ru = { ...common, ...shell, ...collections, ...persons, ...enroll, ...sync, ...audit, ...settings } as const;
