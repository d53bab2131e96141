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
    results_data: fromJsonText(row.results_data),
    results_media: matches.map((m) => ({
      source_media_id: m.source_media_id,
      person_id: m.person_id,
      person_image_id: m.person_image_id,
      results_data: { confidence: m.confidence },
    })),
    time_created: row.time_created,
    time_updated: row.time_updated,
  };
}

export class AnalysesRepo {
  constructor(private readonly db: SandboxDb) {}

  // A match means the probe face is in the collection: the check fails (DECLINED).
  createCollectionAnalyses(inputs: readonly NewCollectionAnalysis[]): readonly string[] {
    const now = nowSeconds();
    const insert = this.db.prepare(
      `INSERT INTO analyses (analyse_id, folder_id, type, state, resolution, collection_id, collection_alias,
         source_media, results_data, time_created, time_updated)
       VALUES (?, ?, 'COLLECTION', 'FINISHED', ?, ?, ?, ?, ?, ?, ?)`,
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
          input.matches.length > 0 ? 'DECLINED' : 'SUCCESS',
          input.collectionId,
          input.collectionAlias,
          JSON.stringify(input.sourceMediaIds),
          JSON.stringify({ max_confidence: maxConfidence }),
          now,
          now,
        );
        for (const m of input.matches) insertMatch.run(id, m.source_media_id, m.person_id, m.person_image_id, m.confidence);
        this.db.prepare('UPDATE folders SET time_updated = ? WHERE folder_id = ?').run(now, input.folderId);
        return id;
      }),
    )();
  }

  get(analyseId: string): AnalysisRow | null {
    const row = this.db.prepare('SELECT * FROM analyses WHERE analyse_id = ?').get(analyseId) as AnalysisRow | undefined;
    return row ?? null;
  }

  ofFolder(folderId: string): readonly AnalysisRow[] {
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
