export { CheckRecords, type CheckRecord, type CheckScope } from './check-records.js';
export { cleanUpChecks, type CleanupPassResult } from './clean-up-check.js';
export { CheckNotPermittedError, NOT_PERMITTED_MESSAGE, runCollectionCheck, type CheckResult } from './collection-check.js';
export { deskNameIndex } from './desk-name-index.js';
export { findDuplicates, type CheckMode, type DuplicateFinderDeps, type NameIndex } from './find-duplicates.js';
export { DEFAULT_POLL, type PollPolicy } from './poll-analysis.js';
