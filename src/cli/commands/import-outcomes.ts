import type { PersonResult } from '../../shared/domain/enroll.js';
import { assertNever } from '../../shared/result.js';
import type { EnrollmentQueue, QueueItemView } from '../../core/queue/index.js';
import type { Enrollment, EnrollmentSink, ScanOutcome, SubmitResult } from '../../core/services/enroll/index.js';
import type { StagedEnrollment, StagedSubmitResult, SubmitHooks } from '../../core/services/enroll/enrollment-sink.js';

/** Where each person of an import stands once the drain ended. */
export type PersonStatus = 'enrolled' | 'queued' | 'refused' | 'skipped';

export interface PersonOutcome {
  readonly key: string;
  readonly status: PersonStatus;
  readonly enrollmentId: string | null;
  readonly personId: string | null;
  /** Why refused, skipped or still queued, and what to do. */
  readonly reason: string | null;
}

/** Passes enrollments to the queue's sink and remembers the queue items each became. */
export class ItemTrackingSink implements EnrollmentSink {
  readonly itemsOf = new Map<string, readonly string[]>();

  constructor(private readonly inner: EnrollmentSink) {}

  get staging(): EnrollmentSink['staging'] {
    return this.inner.staging;
  }

  async submit(enrollment: Enrollment, hooks?: SubmitHooks): Promise<SubmitResult> {
    const result = await this.inner.submit(enrollment, hooks);
    this.#track(enrollment.enrollmentId, result);
    return result;
  }

  async submitStaged(batch: readonly StagedEnrollment[]): Promise<readonly StagedSubmitResult[]> {
    const results = await this.inner.submitStaged(batch);
    results.forEach((r, i) => this.#track(batch[i]?.enrollmentId ?? '', r.submitted));
    return results;
  }

  #track(enrollmentId: string, result: SubmitResult | null): void {
    if (result?.status === 'queued') this.itemsOf.set(enrollmentId, result.itemIds);
  }
}

function itemsById(queue: EnrollmentQueue): Map<string, QueueItemView> {
  const byId = new Map<string, QueueItemView>();
  for (let offset = 0; ; offset += 500) {
    const page = queue.list({ limit: 500, offset });
    for (const item of page) byId.set(item.id, item);
    if (page.length < 500) return byId;
  }
}

/**
 * Each person's final word from their queue items: all done → enrolled, any quarantined →
 * refused (the server refused the content), otherwise still queued with the last error or
 * `notSent` (why the drain did not reach it).
 */
export function settleOutcomes(scan: ScanOutcome, results: readonly PersonResult[], tracking: ItemTrackingSink, queue: EnrollmentQueue, notSent: string): PersonOutcome[] {
  const items = itemsById(queue);
  const reports = new Map(scan.report.persons.map((p) => [p.key, p]));
  // Photos an earlier run queued are this run's work too: sent by its drain, or still waiting.
  const waitingFromEarlier = (key: string): boolean =>
    reports.get(key)?.photos.some((p) => p.reason === 'already_queued' && p.sha256 !== undefined && queue.hasPhoto(p.sha256, scan.collectionId)) ?? false;
  return results.map((r) => {
    const base = { key: r.key, enrollmentId: r.enrollmentId, personId: r.personId };
    switch (r.status) {
      case 'skipped':
        if (waitingFromEarlier(r.key)) return { ...base, status: 'queued', reason: `Still queued from an earlier run: ${notSent}. Run \`enroll-desk sync\` (or this import again) to send it.` };
        return { ...base, status: 'skipped', reason: r.message };
      case 'failed':
        return { ...base, status: 'refused', reason: r.message };
      case 'enrolled':
        return { ...base, status: 'enrolled', reason: r.message };
      case 'queued': {
        const ids = (r.enrollmentId === null ? undefined : tracking.itemsOf.get(r.enrollmentId)) ?? (r.itemId === null ? [] : [r.itemId]);
        return { ...base, ...fromItems(ids.map((id) => items.get(id)), notSent) };
      }
      default:
        return assertNever(r.status);
    }
  });
}

function fromItems(views: readonly (QueueItemView | undefined)[], notSent: string): Pick<PersonOutcome, 'status' | 'personId' | 'reason'> {
  const present = views.filter((v): v is QueueItemView => v !== undefined);
  const personId = present.find((v) => v.personId !== null)?.personId ?? null;
  const quarantined = present.find((v) => v.state === 'quarantined');
  if (quarantined) return { status: 'refused', personId, reason: `${quarantined.quarantineReason ?? 'Refused by the server.'} Fix or discard it with the app's Sync screen (enroll-desk queue lists it).` };
  if (present.length === views.length && present.every((v) => v.state === 'done')) return { status: 'enrolled', personId, reason: null };
  const lastError = present.find((v) => v.state !== 'done' && v.lastError !== null)?.lastError ?? null;
  const why = lastError === null ? notSent : `the last attempt got ${lastError}`;
  return { status: 'queued', personId, reason: `Still queued: ${why}. Run \`enroll-desk sync\` (or this import again) to send it.` };
}
