import type { Command } from 'commander';
import { DATA_FLAGS, DATA_HELP, deskDataDir } from '../data-option.js';
import { DEFAULT_WAIT, WAIT_FLAGS, WAIT_HELP } from '../duration-option.js';
import { parseServerUrl, SERVER_FLAGS } from '../server-option.js';
import { defaultQueueCliDeps, type QueueCliDeps } from './queue-command.js';
import type { ImportOptions } from './import-run.js';

/**
 * `enroll-desk import <folder>`: the same dry run and enrollment as the Enroll screen, for
 * IT and scripted migrations. Every accepted person goes into the desk's durable queue
 * first, then the one sync worker sends the queue for up to `--wait`; whatever is left
 * waits for `enroll-desk sync`, the app, or a re-run (which skips what the desk or the
 * server already holds).
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
    .option('--json', 'print one JSON object (counts, per-person and per-file results) on stdout')
    .option('--allow-duplicates', 'enroll photos already enrolled in this collection again, as new persons')
    .option('--consent-version <v>', 'confirm every person agreed to consent text version <v> (required to enroll)')
    .option(SERVER_FLAGS, 'Oz API URL, https:// (default: $OZ_API_URL, else the desk’s saved sign-in)', parseServerUrl)
    .option('--email <email>', 'Oz user (default: $OZ_EMAIL, else the desk’s saved sign-in); password in $OZ_PASSWORD or the keychain')
    .option('--create-collection', 'create the collection when no collection has this alias')
    .option('--accept-quality-warnings <note>', 'enroll photos the face-quality checks flagged, recording <note> (why; no names) with each')
    .option('--duplicate-check <on|off>', 'ask Oz (Collection analysis) whether each face is already in the collection (default: the desk setting, on); when on, persons are queued and sent after the whole dry run instead of while it runs')
    .option('--on-duplicate <skip|add|new>', 'for a possible duplicate: skip the person (default), add the photos to the matched person, or enroll a new person')
    .option('--duplicate-note <note>', 'with --on-duplicate new: why they are new persons (recorded in the audit log; no names)')
    .option(WAIT_FLAGS, WAIT_HELP, DEFAULT_WAIT)
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (folder: string, options: ImportOptions, command: Command) => {
      // Loaded when the command runs: sharp, face detection, the queue and the Oz client.
      const { runImport } = await import('./import-action.js');
      process.exitCode = await runImport(folder, options, deskDataDir(command), deps.secretStore());
    });
}
