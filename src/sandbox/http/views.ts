import { analysisJson, type AnalysisRow } from '../store/analyses-repo.js';
import { folderJson, mediaJson, type FolderRow } from '../store/folders-repo.js';
import { personJson, type PersonImageRow, type PersonRow } from '../store/persons-repo.js';
import type { SandboxContext } from './context.js';

export function analysisView(ctx: SandboxContext, row: AnalysisRow): Record<string, unknown> {
  const media = new Map(ctx.folders.media(row.folder_id).map((m) => [m.media_id, m]));
  const source = ctx.analyses
    .sourceMediaIds(row)
    .map((id) => media.get(id))
    .filter((m) => m !== undefined)
    .map((m) => {
      const { media_id, media_type, tags, original_name } = mediaJson(m, ctx.mediaBaseUrl());
      return { media_id, media_type, tags, original_name };
    });
  return analysisJson(row, ctx.analyses.matches(row.analyse_id), source);
}

export function folderView(ctx: SandboxContext, folder: FolderRow, withAnalyses: boolean): Record<string, unknown> {
  const analyses = ctx.analyses.ofFolder(folder.folder_id);
  const json = folderJson(folder, ctx.folders.media(folder.folder_id), analyses.map((a) => a.state), ctx.mediaBaseUrl());
  return withAnalyses ? { ...json, analyses: analyses.map((row) => analysisView(ctx, row)) } : json;
}


// The default profile embeds a person's photos; strict leaves them to GET …/images/.
export function personView(ctx: SandboxContext, person: PersonRow, images?: readonly PersonImageRow[]): Record<string, unknown> {
  const embedded = ctx.profile.embedPersonImages ? (images ?? ctx.persons.images(person.person_id)) : null;
  return personJson(person, embedded, ctx.mediaBaseUrl());
}
