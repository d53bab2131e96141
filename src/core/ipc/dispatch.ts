import { channels, isChannel, type Channel, type ChannelOutput } from '../../shared/ipc/contract.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { toAppError } from '../errors/to-app-error.js';
import type { HandlerTable } from './handler-table.js';

/**
 * Validates a raw request against the contract, runs its handler and wraps the outcome
 * in a Result. Never throws: transports send whatever this returns.
 */
export async function dispatch(
  table: HandlerTable,
  channel: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Unknown channel: ${String(channel).slice(0, 80)}`);
  return run(table, channel, rawInput);
}

async function run<C extends Channel>(table: HandlerTable, channel: C, rawInput: unknown): Promise<Result<ChannelOutput<C>>> {
  const spec = channels[channel];
  const parsed = spec.input.safeParse(rawInput);
  if (!parsed.success) {
    return fail('BAD_INPUT', `Invalid input for ${channel}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  try {
    const handler = table[channel] as (input: unknown) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
    const value = await handler(parsed.data);
    // Outputs are checked too, so a service bug cannot leak fields the contract does not name.
    const out = spec.output.safeParse(value);
    if (!out.success) return fail('INTERNAL', `Handler for ${channel} returned an invalid result`);
    return ok(out.data as ChannelOutput<C>);
  } catch (err) {
    const error = toAppError(err);
    return { ok: false, error };
  }
}
