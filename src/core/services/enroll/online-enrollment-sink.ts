import type { OzClient, PhotoUpload } from '../../oz/index.js';
import { FILES_PER_REQUEST, uploadNameOf, type Enrollment, type EnrollmentPhoto, type EnrollmentSink, type SubmitHooks, type SubmitResult } from './enrollment-sink.js';

const toUpload = (p: EnrollmentPhoto): PhotoUpload => ({ bytes: p.jpeg, fileName: uploadNameOf(p.sha256), mimeType: 'image/jpeg', tags: p.tags });

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends an enrollment to Oz now: the person with up to 10 photos, the rest through
 * add-photo calls of 10. A failure after the person exists still reported what the server
 * confirmed (through `onConfirmed`), so a retry adds only the missing photos.
 */
export class OnlineEnrollmentSink implements EnrollmentSink {
  constructor(private readonly client: () => OzClient) {}

  async submit(enrollment: Enrollment, hooks: SubmitHooks = {}): Promise<SubmitResult> {
    const client = this.client();
    const call = hooks.signal ? { signal: hooks.signal } : {};
    const batches = chunks(enrollment.photos, FILES_PER_REQUEST);
    let personId = enrollment.targetPersonId;
    if (personId === undefined) {
      const first = batches.shift() ?? [];
      const person = await client.createPerson(enrollment.collectionId, { photos: first.map(toUpload), metaData: enrollment.metaData }, call);
      personId = person.personId;
      hooks.onConfirmed?.(personId, first.map((p) => p.sha256));
    }
    for (const batch of batches) {
      await client.addPersonImages(enrollment.collectionId, personId, batch.map(toUpload), call);
      hooks.onConfirmed?.(personId, batch.map((p) => p.sha256));
    }
    return { status: 'enrolled', personId };
  }
}
