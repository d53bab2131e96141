import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeIpcClient } from '../../../ipc/fake-ipc-client.js';
import { createAppStore } from '../../index.js';
import { selectToasts } from './selectors.js';
import { MAX_TOASTS, TOAST_MS } from './state.js';

describe('toasts slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a finished action and lets it go after a while', () => {
    const store = createAppStore(new FakeIpcClient({}));
    store.getState().showToast('Collection “a” created.');
    expect(selectToasts(store.getState()).map((t) => t.text)).toEqual(['Collection “a” created.']);
    vi.advanceTimersByTime(TOAST_MS);
    expect(selectToasts(store.getState())).toEqual([]);
  });

  it('any sequence of shows and dismissals keeps the newest, at most MAX_TOASTS, each once', () => {
    const op = fc.oneof(fc.record({ show: fc.string({ minLength: 1, maxLength: 5 }) }), fc.record({ dismiss: fc.nat(20) }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = createAppStore(new FakeIpcClient({}));
        const model: { id: number; text: string }[] = [];
        let shown = 0;
        for (const o of ops) {
          if ('show' in o) {
            store.getState().showToast(o.show);
            shown += 1;
            model.push({ id: shown, text: o.show });
            if (model.length > MAX_TOASTS) model.shift();
          } else {
            store.getState().dismissToast(o.dismiss);
            const at = model.findIndex((m) => m.id === o.dismiss);
            if (at >= 0) model.splice(at, 1);
          }
        }
        expect(selectToasts(store.getState()).map((t) => t.text)).toEqual(model.map((m) => m.text));
      }),
    );
  });
});
