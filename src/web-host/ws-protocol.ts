import { z } from 'zod';
import type { EventName } from '../shared/ipc/contract.js';
import type { Result } from '../shared/result.js';

/** Client → server. `input` stays unknown here: dispatch() validates it against the contract. */
export const invokeMessageSchema = z
  .object({
    type: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(128),
    // JSON cannot carry undefined: an absent input is the no-input case.
    input: z.unknown().optional(),
  })
  .strict();
export type InvokeMessage = z.infer<typeof invokeMessageSchema>;

export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

export interface EventMessage {
  readonly type: 'event';
  readonly event: EventName;
  readonly payload: unknown;
}

/** The id of a malformed message, when one can be read, so its caller still gets an answer. */
export function readableId(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
