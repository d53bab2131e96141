import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isOzTag, type OzTag } from '../../shared/domain/tags.js';
import { normaliseText } from './person-name.js';
import type { PersonName, ScanProblem } from './report.js';

export interface ManifestRow {
  readonly line: number;
  readonly name: PersonName;
  readonly externalId?: string;
  /** Absolute paths inside the import folder. */
  readonly files: readonly string[];
  /** Tags given by the manifest, or null to use the defaults. */
  readonly tags: readonly OzTag[] | null;
}

export interface Manifest {
  readonly rows: readonly ManifestRow[];
  readonly problems: readonly ScanProblem[];
}

interface ParsedRecord {
  readonly info: { readonly lines: number };
  readonly record: readonly string[];
}

const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Files are named relative to the import folder; a path that leaves it is refused. */
function resolveInside(root: string, file: string): string | null {
  const abs = resolve(root, file);
  const rel = relative(root, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : abs;
}

/**
 * Reads the CSV manifest of a flat folder. Columns: file or files (semicolon-separated),
 * first_name, middle_name, last_name, external_id, tags (semicolon-separated Oz tags).
 * Every error is reported against its line and the row is skipped; nothing here throws.
 */
export async function readManifest(csvPath: string, root: string): Promise<Manifest> {
  const problems: ScanProblem[] = [];
  const problem = (message: string, line?: number): void => {
    problems.push(line === undefined ? { path: csvPath, kind: 'manifest_error', message } : { path: csvPath, kind: 'manifest_error', message, line });
  };
  let text: string;
  try {
    text = await readFile(csvPath, 'utf8');
  } catch (err) {
    problem(`The manifest could not be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    return { rows: [], problems };
  }

  const records = parse(text, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      const line = typeof err?.lines === 'number' ? err.lines : undefined;
      problem(`Line ${line ?? '?'} is not valid CSV (${err?.message ?? 'parse error'}); the row was skipped.`, line);
      return undefined;
    },
  }) as unknown as ParsedRecord[];

  const [header, ...body] = records;
  if (!header) {
    problem('The manifest is empty: it needs a header line and one line per person.');
    return { rows: [], problems };
  }
  const columns = header.record.map((c) => c.toLowerCase());
  const col = (name: string): number => columns.indexOf(name);
  const fileCol = col('files') >= 0 ? col('files') : col('file');
  const missing = [fileCol < 0 ? 'file (or files)' : null, col('first_name') < 0 ? 'first_name' : null, col('last_name') < 0 ? 'last_name' : null].filter(
    (m): m is string => m !== null,
  );
  if (missing.length > 0) {
    problem(`The manifest has no ${missing.join(', ')} column; found: ${columns.join(', ') || 'nothing'}.`, header.info.lines);
    return { rows: [], problems };
  }

  const rows: ManifestRow[] = [];
  const usedIds = new Map<string, number>();
  for (const { info, record } of body) {
    const line = info.lines;
    const cell = (name: string): string => normaliseText(record[col(name)] ?? '');
    const name: PersonName = { first: cell('first_name'), middle: cell('middle_name'), last: cell('last_name') };
    if (name.first === '' && name.last === '') {
      problem(`Line ${line}: the person has neither a first nor a last name; the row was skipped.`, line);
      continue;
    }
    const rawTags = splitList(cell('tags'));
    const tags = rawTags.filter(isOzTag);
    const unknown = rawTags.filter((t) => !isOzTag(t));
    if (unknown.length > 0) {
      problem(`Line ${line}: unknown tag ${unknown.map((t) => `"${t}"`).join(', ')}; the row was skipped.`, line);
      continue;
    }
    const externalId = cell('external_id');
    const earlier = externalId === '' ? undefined : usedIds.get(externalId);
    if (earlier !== undefined) {
      problem(`Line ${line}: external_id "${externalId}" is already used on line ${earlier}; the row was skipped.`, line);
      continue;
    }
    const files: string[] = [];
    for (const file of splitList(record[fileCol] ?? '')) {
      const abs = resolveInside(root, file);
      if (abs) files.push(abs);
      else problem(`Line ${line}: "${file}" is outside the import folder and was ignored.`, line);
    }
    if (files.length === 0) {
      problem(`Line ${line}: no photo file is named; the row was skipped.`, line);
      continue;
    }
    if (externalId !== '') usedIds.set(externalId, line);
    rows.push({
      line,
      name,
      ...(externalId === '' ? {} : { externalId }),
      files,
      tags: tags.length === 0 ? null : tags,
    });
  }
  return { rows, problems };
}
