import { audit } from './audit.js';
import { collections } from './collections.js';
import { common } from './common.js';
import { enroll } from './enroll.js';
import { persons } from './persons.js';
import { shell } from './shell.js';
import { settings } from './settings.js';
import { sync } from './sync.js';

/** The complete English catalogue: every other locale must have each of its keys. */
export const en = { ...common, ...shell, ...collections, ...persons, ...enroll, ...sync, ...audit, ...settings } as const;
