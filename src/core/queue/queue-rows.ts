import { z } from 'zod';
import { quarantineCodes, queueItemKinds, queueItemStates } from './queue-types.js';

// Rows are validated when loaded: a row this code cannot trust is quarantined, not obeyed.

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const itemRowSchema = z
  .object({
    seq: z.number().int(),
    id: z.string().min(1),
    kind: z.enum(queueItemKinds),
    state: z.enum(queueItemStates),
    enrollment_id: uuidSchema.nullable(),
    depends_on_enrollment_id: uuidSchema.nullable(),
    collection_id: z.string().min(1),
    person_id: z.string().min(1).nullable(),
    secret_enc: z.instanceof(Buffer),
    attempts: z.number().int().nonnegative(),
    next_attempt_at: z.number().int(),
    in_flight: z.union([z.literal(0), z.literal(1)]),
    last_error: z.string().nullable(),
    quarantine_reason: z.string().nullable(),
    created_at: z.number().int(),
    updated_at: z.number().int(),
    done_at: z.number().int().nullable(),
    server: z.string().min(1).nullable(),
    account: z.string().min(1).nullable(),
    quarantine_code: z.enum(quarantineCodes).nullable(),
  })
  .refine((r) => r.kind !== 'createPerson' || r.enrollment_id !== null, 'createPerson without enrollment id')
  .refine(
    (r) => r.kind !== 'addPhotos' || r.person_id !== null || r.depends_on_enrollment_id !== null,
    'addPhotos without a target person',
  );
export type ItemRow = z.infer<typeof itemRowSchema>;

export const photoRowSchema = z.object({
  item_id: z.string(),
  position: z.number().int().nonnegative(),
  sha256: sha256Hex,
  tags: z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'tags are not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.string())),
  blob_id: z.string().nullable(),
  person_image_id: z.string().nullable(),
  confirmed: z.union([z.literal(0), z.literal(1)]),
});
export type PhotoRow = z.infer<typeof photoRowSchema>;

/** What `secret_enc` decrypts to. */
export const itemSecretSchema = z.object({
  metaData: z.record(z.string(), z.unknown()).nullable(),
  fileNames: z.array(z.string()),
});
export type ItemSecret = z.infer<typeof itemSecretSchema>;

export const sha256Schema = sha256Hex;
