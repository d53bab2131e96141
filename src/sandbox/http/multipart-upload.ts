import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { OzError, OzErrorCode } from '../errors.js';
import { sniffImageMime, type ImageMime } from '../media/image-format.js';
import { fingerprint, makeThumbnail } from '../media/fingerprint.js';
import { isOzTag } from '../media/tags.js';

export interface UploadedImage {
  readonly field: string;
  readonly originalName: string;
  readonly mime: ImageMime;
  readonly tags: readonly string[];
  readonly bytes: Buffer;
  readonly thumb: Buffer;
  readonly sha256: string;
  readonly dhash: string;
}

export interface Upload {
  readonly images: readonly UploadedImage[];
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface UploadLimits {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
}

interface RawFile {
  readonly field: string;
  readonly filename: string;
  readonly bytes: Buffer;
}

const errorCodeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

async function readParts(request: FastifyRequest, limits: UploadLimits): Promise<{ files: RawFile[]; payloadText: string | null }> {
  if (!request.isMultipart()) {
    throw new OzError(OzErrorCode.invalidStructure, 'multipart/form-data body expected');
  }
  const files: RawFile[] = [];
  let payloadText: string | null = null;
  try {
    for await (const part of request.parts({ limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes } })) {
      if (part.type === 'file') {
        files.push({ field: part.fieldname, filename: part.filename, bytes: await part.toBuffer() });
      } else if (part.fieldname === 'payload') {
        payloadText = String(part.value);
      }
    }
  } catch (error) {
    switch (errorCodeOf(error)) {
      case 'FST_FILES_LIMIT':
        throw new OzError(OzErrorCode.invalidValue, `too many files: at most ${limits.maxFiles} per request`, {
          max_files: limits.maxFiles,
        });
      case 'FST_REQ_FILE_TOO_LARGE':
        throw new OzError(
          OzErrorCode.invalidValue,
          `file too large: at most ${limits.maxFileBytes} bytes per file`,
          { max_file_bytes: limits.maxFileBytes },
          413,
        );
      default:
        throw new OzError(OzErrorCode.invalidStructure, 'malformed multipart body');
    }
  }
  return { files, payloadText };
}

function parsePayload(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OzError(OzErrorCode.invalidStructure, 'payload is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OzError(OzErrorCode.invalidStructure, 'payload must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function parseTags(payload: Record<string, unknown>, fields: ReadonlySet<string>): Map<string, readonly string[]> {
  const raw = payload['media:tags'];
  const tags = new Map<string, readonly string[]>();
  if (raw === undefined) return tags;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new OzError(OzErrorCode.invalidType, 'media:tags must be an object of field name to tag list');
  }
  for (const [field, list] of Object.entries(raw)) {
    if (!Array.isArray(list) || !list.every((t): t is string => typeof t === 'string')) {
      throw new OzError(OzErrorCode.invalidType, `media:tags.${field} must be an array of strings`);
    }
    if (!fields.has(field)) {
      throw new OzError(OzErrorCode.invalidValue, `media:tags names field "${field}" but no file was uploaded in it`, {
        field,
      });
    }
    const unknown = list.filter((t) => !isOzTag(t));
    if (unknown.length > 0) {
      throw new OzError(OzErrorCode.invalidValue, `unknown media tag(s): ${unknown.join(', ')}`, { field, tags: unknown });
    }
    tags.set(field, list);
  }
  return tags;
}

// Object metadata (person:meta_data, folder:meta_data) is a free JSON object.
export function metaDataOf(payload: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | null {
  const value = payload[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new OzError(OzErrorCode.invalidType, `${key} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

export async function readImageUpload(request: FastifyRequest, limits: UploadLimits): Promise<Upload> {
  const { files, payloadText } = await readParts(request, limits);
  const payload = parsePayload(payloadText);
  if (files.length === 0) {
    throw new OzError(OzErrorCode.invalidStructure, 'at least one image file is required');
  }
  const fields = new Set<string>();
  for (const file of files) {
    if (fields.has(file.field)) {
      throw new OzError(OzErrorCode.invalidValue, `field name "${file.field}" is used by more than one file`, {
        field: file.field,
      });
    }
    fields.add(file.field);
  }
  const tags = parseTags(payload, fields);
  const images: UploadedImage[] = [];
  for (const file of files) {
    const mime = sniffImageMime(file.bytes);
    if (mime === null) {
      throw new OzError(OzErrorCode.invalidType, `file "${file.field}" is not a JPEG or PNG image`, { field: file.field });
    }
    let prints: Awaited<ReturnType<typeof fingerprint>>;
    let thumb: Buffer;
    try {
      prints = await fingerprint(file.bytes);
      thumb = await makeThumbnail(file.bytes);
    } catch {
      throw new OzError(OzErrorCode.invalidType, `file "${file.field}" cannot be decoded as an image`, { field: file.field });
    }
    images.push({
      field: file.field,
      originalName: file.filename === '' ? file.field : file.filename,
      mime,
      tags: tags.get(file.field) ?? [],
      bytes: file.bytes,
      thumb,
      ...prints,
    });
  }
  return { images, payload };
}
