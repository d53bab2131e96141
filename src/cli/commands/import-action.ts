import { consentTermsOf } from '../../shared/domain/consent.js';
import { deskScopeOf } from '../../shared/domain/desk-scope.js';
import { policyServerProblem } from '../../shared/domain/policy.js';
import { qualityOverrideSchema } from '../../shared/domain/quality.js';
import { openCliAuditLog } from '../cli-audit.js';
import { toAppError } from '../../core/errors/to-app-error.js';
import { openQueue, type EnrollmentQueue } from '../../core/queue/index.js';
import { secretAccounts, type SecretStore } from '../../core/secrets/secret-store.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { cliOzClient } from '../cli-oz-client.js';
import { serverUrlProblem } from '../../shared/domain/server-url.js';
import { parseDuration } from '../duration-option.js';
import { signInPatiently, startupRetryMs } from '../sign-in.js';
import { EXIT } from './import-report.js';
import { importInto, type ImportDeps, type ImportOptions } from './import-run.js';
import { isUuid, resolveTarget } from './import-target.js';
import { duplicatePlan } from './import-duplicates.js';
import { sharedCache } from '../../core/services/cache/shared-cache.js';

function fail(options: ImportOptions, message: string): number {
  if (options.json === true) process.stdout.write(`${JSON.stringify({ error: message, exitCode: EXIT.usage })}\n`);
  process.stderr.write(`enroll-desk import: ${message}\n`);
  return EXIT.usage;
}

async function credentials(options: ImportOptions, settings: SettingsStore, secrets: SecretStore): Promise<{ server: string; email: string; password: string } | string> {
  const saved = settings.get();
  const server = options.server ?? process.env['OZ_API_URL'] ?? saved.serverUrl ?? undefined;
  const email = options.email ?? process.env['OZ_EMAIL'] ?? saved.rememberedEmail ?? undefined;
  if (server === undefined || email === undefined) return 'No Oz server or user: pass --server and --email (or set OZ_API_URL, OZ_EMAIL), or sign in on this desk first.';
  const problem = serverUrlProblem(server);
  if (problem !== null) return `${server}: ${problem}`;
  let password = process.env['OZ_PASSWORD'];
  if (password === undefined) {
    try {
      password = (await secrets.get(secretAccounts.password(server, email))) ?? undefined;
    } catch (err) {
      return `No password in $OZ_PASSWORD and the keychain cannot be read (${toAppError(err).message}).`;
    }
  }
  if (password === undefined) return `No password for ${email}: set $OZ_PASSWORD, or sign in on this desk with "remember".`;
  return { server, email, password };
}

/** What is wrong with the options before anything is read or sent, or null. */
function usageProblem(options: ImportOptions, settings: SettingsStore): string | null {
  // Before any credential is looked up or sent: the server must be one the policy allows.
  const server = options.server ?? process.env['OZ_API_URL'] ?? settings.get().serverUrl;
  const refused = server == null ? null : policyServerProblem(settings.policy.policy, server, settings.policy.file);
  if (refused !== null) return refused;
  const consentVersion = consentTermsOf(settings.get()).version;
  if (options.collection === undefined && options.collectionId === undefined) return 'Name the collection: --collection <alias> (or --collection-id <uuid>).';
  if (options.collectionId !== undefined && !isUuid(options.collectionId)) return `--collection-id needs a collection UUID, not "${options.collectionId}".`;
  if (parseDuration(options.wait) === null) return `--wait needs a duration such as 90s, 5m or 0, not "${options.wait}".`;
  if (options.dryRun !== true) {
    if (options.consentVersion === undefined) {
      return `Enrolling records each person's consent: add --consent-version ${consentVersion} to confirm every person agreed to consent text version ${consentVersion}.`;
    }
    if (options.consentVersion !== consentVersion) return `This desk's consent text is version ${consentVersion}, not ${options.consentVersion}: confirm consent to the current text.`;
  }
  if (options.acceptQualityWarnings !== undefined && !qualityOverrideSchema.unwrap().shape.note.safeParse(options.acceptQualityWarnings).success) {
    return '--accept-quality-warnings needs a note of 3 to 500 characters saying why the photos are accepted.';
  }
  if (options.acceptQualityWarnings !== undefined && settings.get().acceptQualityWarnings === false) {
    return `This desk's managed policy (${settings.policy.file}) does not allow accepting photos against a quality warning.`;
  }
  return null;
}

/** The import behind `enroll-desk import`: checks, signs in, then dry run or enrollment through the queue; resolves to the exit code. */
export async function runImport(folder: string, options: ImportOptions, dataDir: string, secrets: SecretStore): Promise<number> {
  const settings = new SettingsStore(dataDir);
  const terms = consentTermsOf(settings.get());
  const problem = usageProblem(options, settings);
  if (problem !== null) return fail(options, problem);
  const plan = duplicatePlan(options, settings.get().duplicateCheck !== false);
  if (typeof plan === 'string') return fail(options, plan);
  const creds = await credentials(options, settings, secrets);
  if (typeof creds === 'string') return fail(options, creds);
  const { client, session } = cliOzClient(creds);
  const retryMs = startupRetryMs(parseDuration(options.wait) ?? 0);
  const signIn = await signInPatiently(session, creds.server, retryMs);
  if ('refused' in signIn) return fail(options, signIn.refused);
  const db = openDeskDb(dataDir);
  let queue: EnrollmentQueue | null = null;
  try {
    const wanted = { alias: options.collection, company: options.company, collectionId: options.collectionId, create: options.createCollection === true };
    const resolved = await resolveTarget(signIn.online ? client : null, wanted, db, { offlineReason: signIn.online ? null : signIn.reason, retryMs });
    if ('error' in resolved) return fail(options, resolved.error);
    const scope = deskScopeOf(creds.server, creds.email);
    queue = await openQueue({ dataDir, secretStore: secrets, db, scope: () => scope });
    const deps: ImportDeps = {
      db,
      queue,
      scope,
      settings,
      terms,
      operator: creds.email,
      audit: await openCliAuditLog({ db, dataDir, secrets, settings }, creds.email),
      client: resolved.offlineReason === null ? client : null,
      offlineReason: resolved.offlineReason,
      retryMs,
      server: creds.server,
      duplicates: plan,
      nameCache: () => sharedCache(db, secrets),
    };
    return await importInto(folder, options, deps, resolved.target);
  } catch (err) {
    return fail(options, toAppError(err).message);
  } finally {
    queue?.close();
    db.close();
    session.signOut();
  }
}
