// Two test files run at once (vitest.config.ts). Suites that use the real keychain share
// account names such as the queue key, and some delete or replace it; a keychain service of
// their own per worker keeps one file's key from pulling the ground from under another's.
// Child processes (the CLI, the kill trial's children) inherit it through the environment.
process.env.ENROLL_DESK_KEYCHAIN_SERVICE = `enroll-desk-test-${process.env.VITEST_POOL_ID ?? '0'}`;
