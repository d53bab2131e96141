import type { Connectivity } from './queue-types.js';

/**
 * Online/offline from the outcome of real requests. A connect failure (nothing sent)
 * means offline at once; failures after sending (resets, timeouts) only after several
 * in a row, since one flaky request does not mean the link is down.
 */
export class ConnectivityMonitor {
  #state: Connectivity = 'unknown';
  #consecutiveFailures = 0;
  readonly #threshold: number;
  readonly #onChange: (state: Connectivity) => void;

  constructor(onChange: (state: Connectivity) => void, failuresForOffline = 3) {
    this.#onChange = onChange;
    this.#threshold = failuresForOffline;
  }

  get state(): Connectivity {
    return this.#state;
  }

  reportSuccess(): void {
    this.#consecutiveFailures = 0;
    this.#set('online');
  }

  reportFailure(connectFailure: boolean): void {
    this.#consecutiveFailures += 1;
    if (connectFailure || this.#consecutiveFailures >= this.#threshold) this.#set('offline');
  }

  #set(state: Connectivity): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#onChange(state);
  }
}
