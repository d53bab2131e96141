import { AppFailure } from '../../errors/app-failure.js';
import { consentTermsOf } from '../../../shared/domain/consent.js';
import { resolveQualityThresholds } from '../../../shared/domain/quality-thresholds.js';
import { auditEnrollPerson, auditImport, recordQualityOverride } from '../../audit/index.js';
import type { HandlerTable } from '../../ipc/handler-table.js';
import { assertEnrollmentAllowed } from '../../retention/index.js';
import { EnrollService, ScanSessions } from '../../services/enroll/index.js';
import { sharedCache } from '../../services/cache/shared-cache.js';
import { deskNameIndex } from '../../services/duplicates/index.js';
import { QueuedEnrollmentSink } from '../../services/enroll/queued-enrollment-sink.js';
import type { AppContext } from '../create-app.js';
import { completeFolder, expandHome, resolveImportFolder } from '../../import/import-folder.js';
import { DropStaging } from '../../import/drop/drop-staging.js';
import path from 'node:path';

type EnrollChannels =
  | 'enroll:consentTerms'
  | 'enroll:collections'
  | 'enroll:chooseFolder'
  | 'enroll:completeFolder'
  | 'enroll:dropPaths'
  | 'enroll:dropFiles'
  | 'enroll:scanFolder'
  | 'enroll:scanResult'
  | 'enroll:cancelScan'
  | 'enroll:confirmImport'
  | 'enroll:processCapture'
  | 'enroll:checkPerson'
  | 'enroll:enrollPerson'
  | 'enroll:thumbnail';

export const enrollHandlers = (ctx: AppContext): Pick<HandlerTable, EnrollChannels> => {
  const service = new EnrollService({
    db: ctx.db,
    photos: ctx.photos,
    client: () => ctx.session.requireClient(),
    deskName: () => ctx.settings.get().deskName,
    operator: () => {
      const status = ctx.session.status();
      return status.state === 'signedIn' ? status.email : 'unknown';
    },
    consentTerms: () => consentTermsOf(ctx.settings.get()),
    scope: () => ctx.session.lastScope(),
    // Offline-first: every enrollment is committed to the queue, then sent by the sync worker.
    sink: new QueuedEnrollmentSink(ctx.queue, () => void ctx.sync.syncNow()),
    detector: ctx.quality,
    thresholds: () => resolveQualityThresholds(ctx.settings.get().qualityThresholds),
    onQualityOverride: (targets, override) => recordQualityOverride(ctx.audit, targets, override),
    isQueued: (collectionId, sha256) => ctx.queue.hasPhoto(sha256, collectionId),
    reachable: () => ctx.sync.status().connectivity !== 'offline',
    duplicates: {
      finder: {
        records: ctx.duplicateCleanups.records,
        audit: ctx.audit,
        nameIndex: deskNameIndex(() => sharedCache(ctx.db, ctx.options.secretStore)),
      },
      enabled: () => ctx.settings.get().duplicateCheck !== false,
      scope: () => ctx.duplicateCleanups.scope(),
      onOverride: (targets, note) => ctx.audit.record({ action: 'duplicateOverridden', targets, outcome: 'done', note }),
    },
  });
  const emit = ctx.options.emit;
  // The stale-sync guard: refuses new enrollments while old ones wait too long (when IT set a limit).
  const guard = (): void => assertEnrollmentAllowed(ctx.queue.status(), ctx.settings.get());
  // IT may forbid accepting photos against a quality warning (managed policy).
  const overridesAllowed = (overrides: number): void => {
    if (overrides > 0 && ctx.settings.get().acceptQualityWarnings === false) {
      throw new AppFailure('FORBIDDEN', `This desk's managed policy (${ctx.settings.policy.file ?? 'settings'}) does not allow accepting photos against a quality warning.`);
    }
  };
  const scans = new ScanSessions(service, {
    progress: (p) => emit('import:progress', p),
    finished: (r) => {
      emit('import:finished', r);
      ctx.duplicateCleanups.changed();
    },
    personResult: (scanId, result) => emit('import:personResult', { scanId, result }),
  });
  ctx.onDispose(() => scans.dispose());
  const drops = new DropStaging(path.join(ctx.options.dataDir, 'dropped'));
  return {
    'enroll:consentTerms': () => consentTermsOf(ctx.settings.get()),
    'enroll:collections': async () =>
      (await ctx.session.requireClient().listCollections()).map((c) => ({ collectionId: c.collectionId, alias: c.alias })),
    'enroll:dropPaths': ({ paths }) => drops.fromPaths(paths),
    'enroll:dropFiles': ({ dropId, files, last }) => drops.addBytes(dropId, files, last),
    'enroll:chooseFolder': async () => {
      const choose = ctx.options.chooseFolder;
      return choose === undefined ? { available: false, path: null } : { available: true, path: await choose() };
    },
    'enroll:completeFolder': async ({ typed }) => ({ folders: await completeFolder(typed) }),
    'enroll:scanFolder': async (input) => {
      // Fail before starting when nobody is signed in (the dry run checks the server) or the folder is not there.
      ctx.session.requireClient();
      const manifest = input.manifestPath === undefined ? {} : { manifestPath: expandHome(input.manifestPath) };
      return scans.start({ ...input, ...manifest, path: await resolveImportFolder(input.path) });
    },
    'enroll:scanResult': ({ scanId }) => scans.result(scanId),
    'enroll:cancelScan': ({ scanId }) => scans.cancel(scanId),
    'enroll:confirmImport': ({ scanId, excluded, tagOverrides, qualityOverrides, keepLargestFace, duplicateChoices, consent }) => {
      guard();
      overridesAllowed(Object.keys(qualityOverrides ?? {}).length);
      return auditImport(ctx.audit, consent, async () =>
        scans.confirm(scanId, { excluded, tagOverrides, qualityOverrides, keepLargestFace, duplicateChoices, consent }),
      );
    },
    'enroll:processCapture': ({ dataBase64, mirrored }) => service.processCapture(dataBase64, mirrored),
    'enroll:checkPerson': async (input) => {
      const check = await service.checkPerson(input);
      ctx.duplicateCleanups.changed();
      return check;
    },
    'enroll:enrollPerson': (input) => {
      guard();
      overridesAllowed(input.photos.filter((p) => 'qualityOverride' in p && p.qualityOverride !== undefined).length);
      return auditEnrollPerson(ctx.audit, input, () => service.enrollPerson(input));
    },
    'enroll:thumbnail': ({ scanId, sha256 }) => scans.thumbnail(scanId, sha256),
  };
};
