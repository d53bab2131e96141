import { z } from 'zod';

// Files and folders dropped on the Enroll screen. The desktop app sends their paths (the
// preload reads them with webUtils.getPathForFile); browser mode has no paths, so it sends
// the bytes in batches, which main writes into a private staging folder. Either way main
// ends with one folder (and maybe a manifest) that is scanned like any folder import.

const MB = 1024 * 1024;
/** Files in one drop, all batches together. */
export const MAX_DROPPED_FILES = 2000;
/** One dropped file (photos are refused far below this by the image pipeline). */
export const MAX_DROPPED_FILE_BYTES = 25 * MB;
/** All files of one drop. */
export const MAX_DROP_BYTES = 1024 * MB;
/** One batch of bytes over the browser-mode WebSocket stays well under its message cap. */
export const MAX_DROP_BATCH_BASE64_CHARS = 16 * MB;

const relativePathSchema = z.string().min(1).max(1024);

export const droppedFileSchema = z
  .object({
    /** "Ada Lovelace/1.jpg" for a file inside a dropped folder, else the file's name. */
    relativePath: relativePathSchema,
    dataBase64: z.string().max(Math.ceil(MAX_DROPPED_FILE_BYTES / 3) * 4),
  })
  .strict();
export type DroppedFile = z.infer<typeof droppedFileSchema>;

export const dropFilesInputSchema = z
  .object({
    /** Chosen by the renderer for one drop; a new id discards the previous drop's staging. */
    dropId: z.string().uuid(),
    files: z.array(droppedFileSchema).max(MAX_DROPPED_FILES),
    /** The drop's last batch: main lays the folder out and answers with it. */
    last: z.boolean(),
  })
  .strict()
  .refine((input) => input.files.reduce((sum, f) => sum + f.dataBase64.length, 0) <= MAX_DROP_BATCH_BASE64_CHARS, 'This batch of dropped files is too large.');

export const dropPathsInputSchema = z
  .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_DROPPED_FILES) })
  .strict();

/** What to scan: a folder, and the CSV manifest when one was dropped with flat photos. */
export const stagedDropSchema = z.object({
  folder: z.string(),
  manifestPath: z.string().nullable(),
  /** Files staged (0 when a dropped folder is scanned where it is). */
  files: z.number().int().nonnegative(),
});
export type StagedDrop = z.infer<typeof stagedDropSchema>;

export const dropBatchResultSchema = z.object({ staged: z.number().int().nonnegative(), drop: stagedDropSchema.nullable() });
