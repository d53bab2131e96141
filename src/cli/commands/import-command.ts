import { type Command } from 'commander';
import cliProgress from 'cli-progress';
import { consentTermsOf } from '../../shared/domain/consent.js';
import { policyServerProblem } from '../../shared/domain/policy.js';
import type { ImportOutcome, PersonResult } from '../../shared/domain/enroll.js';
import { codesNeedingOverride } from '../../shared/domain/quality-acceptance.js';
import { qualityOverrideSchema, type QualityOverride } from '../../shared/domain/quality.js';
import { resolveQualityThresholds } from '../../shared/domain/quality-thresholds.js';
import { AppFailure } from '../../core/errors/app-failure.js';
import { auditImport, loadAuditHeadKey, openAuditLog, recordQualityOverride, type AuditLog } from '../../core/audit/index.js';
import { toAppError } from '../../core/errors/to-app-error.js';
import { createPhotoProcessor } from '../../core/images/photo-processor.js';
import type { ScanProgress, ScanReport } from '../../core/import/report.js';
import { createOzClient, type OzClient } from '../../core/oz/index.js';
import { openQueue, type EnrollmentQueue } from '../../core/queue/index.js';
import { createFaceDetector } from '../../core/quality/index.js';
import { secretAccounts, type SecretStore } from '../../core/secrets/secret-store.js';
import { EnrollService, findCollection, OnlineEnrollmentSink, QueuedEnrollmentSink, type EnrollmentSink } from '../../core/services/enroll/index.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { DATA_FLAGS, DATA_HELP, deskDataDir } from '../data-option.js';
import { FallbackEnrollmentSink, isUnreachable, isUuid, offlineCollection, type ImportTarget } from './import-offline.js';
import { defaultQueueCliDeps, type QueueCliDeps } from './queue-command.js';

interface ImportOptions {
  readonly collection?: string;
  readonly collectionId?: string;
  readonly company?: string;
  readonly manifest?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly allowDuplicates?: boolean;
  readonly consentVersion?: string;
  readonly server?: string;
  readonly email?: string;
  readonly createCollection?: boolean;
  readonly acceptQualityWarnings?: string;
}

/** Exit codes: everything accepted was enrolled or queued / some files refused or persons failed / usage error, or unreachable with nowhere to queue. */
const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

type FileStatus = 'enrolled' | 'queued' | 'accepted' | 'refused' | 'duplicate' | 'failed' | 'skipped';

interface FileResult {
  readonly path: string;
  readonly person: string | null;
  readonly status: FileStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly sha256?: string;
  readonly personId?: string;
}

/**
 * `enroll-desk import <folder>`: the same dry run and enrollment as the Enroll screen, for
 * IT and scripted migrations. Re-running an interrupted import finishes it: photos the desk
 * or the server already holds are skipped (and added to their person when new ones join).
 * When the server cannot be reached (at sign-in or midway), accepted persons wait in the
 * offline queue for `enroll-desk sync` or the app.
 */
export function registerImportCommand(program: Command, deps: QueueCliDeps = defaultQueueCliDeps): void {
  program
    .command('import')
    .description('Import a folder of persons (one subfolder each, or flat with --manifest) into a collection')
    .argument('<folder>', 'the folder to import')
    .option('--collection <alias>', 'the collection (by alias) to enroll into')
    .option('--collection-id <uuid>', 'the collection by id (lets an offline import target a collection this desk has not seen)')
    .option('--company <name>', 'the collection’s company, when several collections share the alias')
    .option('--manifest <csv>', 'CSV manifest for a flat folder (file(s), first_name, middle_name, last_name, external_id, tags)')
    .option('--dry-run', 'only check the photos and report; enroll nobody')
    .option('--json', 'print one JSON object (counts and per-file results) on stdout')
    .option('--allow-duplicates', 'enroll photos already enrolled in this collection again, as new persons')
    .option('--consent-version <v>', 'confirm every person agreed to consent text version <v> (required to enroll)')
    .option('--server <url>', 'Oz API URL (default: $OZ_API_URL, else the desk’s saved sign-in)')
    .option('--email <email>', 'Oz user (default: $OZ_EMAIL, else the desk’s saved sign-in); password in $OZ_PASSWORD or the keychain')
    .option('--create-collection', 'create the collection when no collection has this alias')
    .option('--accept-quality-warnings <note>', 'enroll photos the face-quality checks flagged, recording <note> (why; no names) with each')
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (folder: string, options: ImportOptions, command: Command) => {
      process.exitCode = await runImport(folder, options, deskDataDir(command), deps.secretStore());
    });
}

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

async function runImport(folder: string, options: ImportOptions, dataDir: string, secrets: SecretStore): Promise<number> {
  if (options.collection === undefined && options.collectionId === undefined) return fail(options, 'Name the collection: --collection <alias> (or --collection-id <uuid>).');
  if (options.collectionId !== undefined && !isUuid(options.collectionId)) return fail(options, `--collection-id needs a collection UUID, not "${options.collectionId}".`);
  const settings = new SettingsStore(dataDir);
  // Before any credential is looked up or sent: the server must be one the policy allows.
  const wanted = options.server ?? process.env['OZ_API_URL'] ?? settings.get().serverUrl;
  const refused = wanted == null ? null : policyServerProblem(settings.policy.policy, wanted, settings.policy.file);
  if (refused !== null) return fail(options, refused);
  const terms = consentTermsOf(settings.get());
  if (options.dryRun !== true) {
    if (options.consentVersion === undefined) {
      return fail(options, `Enrolling records each person's consent: add --consent-version ${terms.version} to confirm every person agreed to consent text version ${terms.version}.`);
    }
    if (options.consentVersion !== terms.version) {
      return fail(options, `This desk's consent text is version ${terms.version}, not ${options.consentVersion}: confirm consent to the current text.`);
    }
  }
  if (options.acceptQualityWarnings !== undefined) {
    const note = qualityOverrideSchema.unwrap().shape.note.safeParse(options.acceptQualityWarnings);
    if (!note.success) return fail(options, `--accept-quality-warnings needs a note of 3 to 500 characters saying why the photos are accepted.`);
  }
  if (options.acceptQualityWarnings !== undefined && settings.get().acceptQualityWarnings === false) {
    return fail(options, `This desk's managed policy (${settings.policy.file}) does not allow accepting photos against a quality warning.`);
  }
  const creds = await credentials(options, settings, secrets);
  if (typeof creds === 'string') return fail(options, creds);
  const { client, session } = createOzClient({ baseUrl: creds.server, email: creds.email, password: creds.password });
  let online = true;
  try {
    await session.signIn();
  } catch (err) {
    // Bad credentials end the run; an unreachable server leaves the work to the offline queue.
    if (!isUnreachable(err)) return fail(options, `Cannot sign in to ${creds.server}: ${toAppError(err).message}`);
    online = false;
  }
  const db = openDeskDb(dataDir);
  // Assigned inside the closure below, so not narrowed to null.
  let queue = null as Promise<EnrollmentQueue> | null;
  const deps: ImportDeps = {
    db,
    settings,
    email: creds.email,
    server: creds.server,
    terms,
    queue: () => (queue ??= openQueue({ dataDir, secretStore: secrets, db })),
    audit: openAuditLog(db, { desk: () => settings.get().deskName, operator: () => creds.email }, Date.now, await loadAuditHeadKey(secrets, dataDir)),
  };
  try {
    return await importInto(online ? client : null, folder, options, deps);
  } catch (err) {
    return fail(options, toAppError(err).message);
  } finally {
    // A queue that failed to open has nothing to close; its error was already reported.
    if (queue !== null) await queue.then((q) => q.close(), () => undefined);
    db.close();
    session.signOut();
  }
}

interface ImportDeps {
  readonly db: ReturnType<typeof openDeskDb>;
  readonly settings: SettingsStore;
  readonly email: string;
  readonly server: string;
  readonly terms: ReturnType<typeof consentTermsOf>;
  /** The offline queue, opened (keychain key and all) on first use. */
  readonly queue: () => Promise<EnrollmentQueue>;
  /** The desk's audit log: CLI imports are operator actions too. */
  readonly audit: AuditLog;
}

/** Where the persons go: online with the queue as fallback, or (offline) straight to the queue. */
interface Destination {
  readonly client: () => OzClient;
  readonly sink: EnrollmentSink;
  readonly offline: boolean;
  readonly isQueued?: (collectionId: string, sha256: string) => boolean;
}

async function onlineCollection(client: OzClient, options: ImportOptions): Promise<ImportTarget> {
  if (options.collectionId === undefined) {
    return findCollection(client, { alias: options.collection ?? '', company: options.company, create: options.createCollection === true });
  }
  const found = (await client.listCollections()).find((c) => c.collectionId === options.collectionId);
  if (found === undefined) throw new AppFailure('NOT_FOUND', `No collection ${options.collectionId} is visible to this account.`);
  return { collectionId: found.collectionId, alias: found.alias, created: false };
}

/** `client` is null when the server could not be reached at sign-in. */
async function importInto(client: OzClient | null, folder: string, options: ImportOptions, deps: ImportDeps): Promise<number> {
  let collection: ImportTarget | string;
  let destination: Destination;
  if (client === null) {
    collection = offlineCollection(deps.db, { alias: options.collection, company: options.company, collectionId: options.collectionId });
    if (typeof collection === 'string') return fail(options, collection);
    const queue = await deps.queue();
    const unreachable = (): OzClient => {
      throw new AppFailure('NETWORK', `${deps.server} cannot be reached; the server-side duplicate check was skipped.`);
    };
    destination = { client: unreachable, sink: new QueuedEnrollmentSink(queue), offline: true, isQueued: (id, sha) => queue.hasPhoto(sha, id) };
  } else {
    collection = await onlineCollection(client, options);
    destination = { client: () => client, sink: new FallbackEnrollmentSink(new OnlineEnrollmentSink(() => client), deps.queue), offline: false };
  }
  const detector = createFaceDetector();
  try {
    return await importWith(destination, folder, options, deps, collection, detector);
  } finally {
    await detector.close();
  }
}

async function importWith(
  destination: Destination,
  folder: string,
  options: ImportOptions,
  deps: ImportDeps,
  collection: ImportTarget,
  detector: ReturnType<typeof createFaceDetector>,
): Promise<number> {
  const service = new EnrollService({
    db: deps.db,
    photos: createPhotoProcessor({ concurrency: 2 }),
    client: destination.client,
    sink: destination.sink,
    ...(destination.isQueued ? { isQueued: destination.isQueued } : {}),
    deskName: () => deps.settings.get().deskName,
    operator: () => deps.email,
    consentTerms: () => deps.terms,
    detector,
    thresholds: () => resolveQualityThresholds(deps.settings.get().qualityThresholds),
    onQualityOverride: (targets, override) => recordQualityOverride(deps.audit, targets, override),
  });
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {value}/{total} {current}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let barPhase: string | null = null;
  const show = (phase: string, done: number, total: number, current = ''): void => {
    const label = current.length > 40 ? `…${current.slice(-39)}` : current;
    if (barPhase !== phase) {
      if (barPhase !== null) bar.stop();
      bar.start(total, done, { phase, current: label });
      barPhase = phase;
    }
    bar.setTotal(total);
    bar.update(done, { current: label });
  };
  const scan = await service.scan(
    { path: folder, manifestPath: options.manifest, collectionId: collection.collectionId },
    { onProgress: (p: ScanProgress) => show(p.phase, p.done, p.total, p.current) },
  );
  let outcome: Omit<ImportOutcome, 'scanId'> | null = null;
  if (options.dryRun !== true) {
    const consent = { confirmed: true, textVersion: deps.terms.version };
    // The same audit entries as an import confirmed in the app: consent, each person, the import.
    outcome = await auditImport(deps.audit, consent, () =>
      service.enrollScan(
        scan,
        {
          consent,
          allowDuplicates: options.allowDuplicates === true,
          qualityOverrides: acceptAll(scan.report, options.acceptQualityWarnings),
        },
        { onProgress: (p) => show('enrolling', p.done, p.total, p.current) },
      ),
    );
  }
  if (barPhase !== null) bar.stop();
  const accepting = options.acceptQualityWarnings !== undefined;
  const files = fileResults(scan.report, outcome, options.allowDuplicates === true, accepting);
  const code = exitCode(scan.report, outcome, accepting);
  if (options.json === true) {
    const summary = {
      collection: { id: collection.collectionId, alias: collection.alias, created: collection.created },
      dryRun: options.dryRun === true,
      offline: destination.offline,
      counts: { ...scan.report.counts, problems: scan.report.problems.length, ...(outcome ? { persons: outcome.counts } : {}) },
      files,
      problems: scan.report.problems,
      serverCheckError: scan.serverCheckError,
      exitCode: code,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    process.stdout.write(summaryTable(scan.report, outcome, files, collection.alias));
    const queued = outcome?.counts.queued ?? 0;
    if (queued > 0) process.stdout.write(`queued ${queued} person${queued === 1 ? '' : 's'} — run \`enroll-desk sync\` (or open the app) when the server is reachable\n`);
  }
  return code;
}

/** Every flagged photo accepted with the operator's one note (--accept-quality-warnings). */
function acceptAll(report: ScanReport, note: string | undefined): Record<string, QualityOverride> {
  if (note === undefined) return {};
  const out: Record<string, QualityOverride> = {};
  for (const photo of report.persons.flatMap((p) => p.photos)) {
    const codes = codesNeedingOverride(photo.quality);
    if (codes.length > 0) out[photo.path] = { codes, note };
  }
  return out;
}

function exitCode(report: ScanReport, outcome: Omit<ImportOutcome, 'scanId'> | null, acceptingQuality: boolean): number {
  const stopped = outcome?.results.some((r) => r.status === 'skipped' && r.message?.startsWith('Not attempted')) ?? false;
  if (stopped) return EXIT.usage;
  const failed = (outcome?.counts.failed ?? 0) > 0;
  const flagged = !acceptingQuality && report.counts.flagged > 0;
  return report.counts.photosRefused > 0 || report.problems.length > 0 || failed || flagged ? EXIT.refused : EXIT.ok;
}

function fileResults(report: ScanReport, outcome: Omit<ImportOutcome, 'scanId'> | null, allowDuplicates: boolean, acceptingQuality: boolean): FileResult[] {
  const byKey = new Map<string, PersonResult>((outcome?.results ?? []).map((r) => [r.key, r]));
  const files: FileResult[] = [];
  for (const person of report.persons) {
    const result = byKey.get(person.key);
    const sent = new Set(result?.photos.map((p) => p.sha256));
    for (const photo of person.photos) {
      const common = { path: photo.path, person: person.key, ...(photo.sha256 ? { sha256: photo.sha256 } : {}) };
      const issue = photo.status === 'accepted' && !acceptingQuality ? photo.quality?.issues[0] : undefined;
      if (issue) {
        // Refused by the face-quality checks: --accept-quality-warnings "<note>" enrolls it.
        files.push({ ...common, status: 'refused', reason: `quality_${issue.code}`, message: photo.quality?.issues.map((i) => i.message).join(' ') ?? issue.message });
        continue;
      }
      const wanted = photo.status === 'accepted' || (allowDuplicates && photo.reason === 'already_enrolled');
      if (!wanted || !result) {
        files.push({ ...common, status: photo.status, ...(photo.reason ? { reason: photo.reason } : {}), ...(photo.message ? { message: photo.message } : {}) });
        continue;
      }
      const done = photo.sha256 !== undefined && sent.has(photo.sha256);
      const status: FileStatus = done ? (result.status === 'queued' ? 'queued' : 'enrolled') : result.status === 'skipped' ? 'skipped' : 'failed';
      files.push({
        ...common,
        status,
        ...(result.personId ? { personId: result.personId } : {}),
        ...(!done && result.message ? { message: result.message } : {}),
      });
    }
  }
  for (const stray of report.refused) files.push({ path: stray.path, person: null, status: 'refused', reason: stray.reason, message: stray.message });
  return files;
}

function summaryTable(report: ScanReport, outcome: Omit<ImportOutcome, 'scanId'> | null, files: readonly FileResult[], alias: string): string {
  const c = report.counts;
  const rows: [string, number][] = [
    ['persons found', c.persons],
    ['photos accepted', c.photosAccepted],
    ['files refused', c.photosRefused],
    ['duplicates skipped', c.duplicates],
    ['flagged by quality', c.flagged],
    ['problems', report.problems.length],
  ];
  if (outcome) {
    rows.push(['persons enrolled', outcome.counts.enrolled], ['persons queued', outcome.counts.queued], ['persons failed', outcome.counts.failed], ['persons skipped', outcome.counts.skipped], ['photos sent', outcome.counts.photos]);
  }
  const lines = [`${outcome ? 'Import' : 'Dry run'} of ${report.root} into "${alias}"`, ...rows.map(([k, v]) => `  ${k.padEnd(20)} ${String(v).padStart(7)}`)];
  const notable = files.filter((f) => f.status === 'refused' || f.status === 'failed');
  if (notable.length > 0) lines.push('', 'Not imported:', ...notable.map((f) => `  ${f.path}: ${f.message ?? f.reason ?? f.status}`));
  for (const p of report.problems) lines.push(`  ${p.path}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}
