import { randomUUID } from 'node:crypto';
import { fromJsonText, nowSeconds, type SandboxDb } from './database.js';

export interface AnalysisRow {
  readonly analyse_id: string;
  readonly folder_id: string;
  readonly type: string;
  readonly state: string;
  readonly resolution: string;
  readonly collection_id: string;
  readonly collection_alias: string;
  readonly source_media: string;
  readonly results_data: string;
  readonly time_created: number;
  readonly time_updated: number;
  /** Epoch ms at which a PROCESSING analysis finishes; null once finished. */
  readonly finishes_at_ms: number | null;
}

export interface MatchRow {
  readonly source_media_id: string;
  readonly person_id: string;
  readonly person_image_id: string;
  readonly confidence: number;
}

export interface NewCollectionAnalysis {
  readonly folderId: string;
  readonly collectionId: string;
  readonly collectionAlias: string;
  readonly sourceMediaIds: readonly string[];
  readonly matches: readonly MatchRow[];
}

export function analysisJson(
  row: AnalysisRow,
  matches: readonly MatchRow[],
  sourceMedia: readonly Record<string, unknown>[],
): Record<string, unknown> {
  // Results appear only once the analysis has finished.
  const finished = row.state === 'FINISHED';
  return {
    analyse_id: row.analyse_id,
    analysis_id: row.analyse_id,
    folder_id: row.folder_id,
    type: row.type,
    state: row.state,
    resolution_status: row.resolution,
    resolution: row.resolution,
    collection: { collection_id: row.collection_id, alias: row.collection_alias },
    source_media: sourceMedia,
    results_data: finished ? fromJsonText(row.results_data) : null,
    results_media: (finished ? matches : []).map((m) => ({
      source_media_id: m.source_media_id,
      person_id: m.person_id,
      person_image_id: m.person_image_id,
      results_data: { confidence: m.confidence },
    })),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
}

// A match means the probe face is in the collection: the check fails (DECLINED).
const resolutionOf = (matchCount: number): string => (matchCount > 0 ? 'DECLINED' : 'SUCCESS');

export class AnalysesRepo {
  /** `processingMs` 0: analyses are FINISHED in the answer that creates them; otherwise PROCESSING that long. */
  constructor(
    private readonly db: SandboxDb,
    private readonly processingMs = 0,
  ) {}

  createCollectionAnalyses(inputs: readonly NewCollectionAnalysis[]): readonly string[] {
    const now = nowSeconds();
    const finishesAt = this.processingMs > 0 ? Date.now() + this.processingMs : null;
    const insert = this.db.prepare(
      `INSERT INTO analyses (analyse_id, folder_id, type, state, resolution, collection_id, collection_alias,
         source_media, results_data, time_created, time_updated, finishes_at_ms)
       VALUES (?, ?, 'COLLECTION', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMatch = this.db.prepare(
      `INSERT INTO analysis_matches (analyse_id, source_media_id, person_id, person_image_id, confidence)
       VALUES (?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() =>
      inputs.map((input) => {
        const id = randomUUID();
        const maxConfidence = input.matches.reduce((max, m) => Math.max(max, m.confidence), 0);
        insert.run(
          id,
          input.folderId,
          finishesAt === null ? 'FINISHED' : 'PROCESSING',
          finishesAt === null ? resolutionOf(input.matches.length) : 'PROCESSING',
          input.collectionId,
          input.collectionAlias,
          JSON.stringify(input.sourceMediaIds),
          JSON.stringify({ max_confidence: maxConfidence }),
          now,
          now,
          finishesAt,
        );
        for (const m of input.matches) insertMatch.run(id, m.source_media_id, m.person_id, m.person_image_id, m.confidence);
        this.db.prepare('UPDATE folders SET time_updated = ? WHERE folder_id = ?').run(now, input.folderId);
        return id;
      }),
    )();
  }

  /** Finishes the PROCESSING analyses whose time has come (read paths call it first). */
  settleDue(): void {
    const due = this.db
      .prepare("SELECT analyse_id, folder_id FROM analyses WHERE state = 'PROCESSING' AND finishes_at_ms <= ?")
      .all(Date.now()) as { analyse_id: string; folder_id: string }[];
    if (due.length === 0) return;
    const now = nowSeconds();
    const finish = this.db.prepare(
      "UPDATE analyses SET state = 'FINISHED', resolution = ?, finishes_at_ms = NULL, time_updated = ? WHERE analyse_id = ?",
    );
    const touch = this.db.prepare('UPDATE folders SET time_updated = ? WHERE folder_id = ?');
    this.db.transaction(() => {
      for (const row of due) {
        finish.run(resolutionOf(this.matches(row.analyse_id).length), now, row.analyse_id);
        touch.run(now, row.folder_id);
      }
    })();
  }

  get(analyseId: string): AnalysisRow | null {
    this.settleDue();
    const row = this.db.prepare('SELECT * FROM analyses WHERE analyse_id = ?').get(analyseId) as AnalysisRow | undefined;
    return row ?? null;
  }

  ofFolder(folderId: string): readonly AnalysisRow[] {
    this.settleDue();
    return this.db.prepare('SELECT * FROM analyses WHERE folder_id = ? ORDER BY seq').all(folderId) as AnalysisRow[];
  }

  matches(analyseId: string): readonly MatchRow[] {
    return this.db
      .prepare(
        `SELECT source_media_id, person_id, person_image_id, confidence FROM analysis_matches
         WHERE analyse_id = ? ORDER BY seq`,
      )
      .all(analyseId) as MatchRow[];
  }

  relatedToPersons(personIds: readonly string[]): readonly string[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT analyse_id FROM analysis_matches WHERE person_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(personIds)) as { analyse_id: string }[]
    ).map((row) => row.analyse_id);
  }

  delete(analyseIds: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM analyses WHERE analyse_id = ?');
    this.db.transaction(() => {
      for (const id of analyseIds) remove.run(id);
    })();
  }

  sourceMediaIds(row: AnalysisRow): readonly string[] {
    return fromJsonText(row.source_media) as string[];
  }
}
