/** One benchmark's printed figures; ratios are measured side by side in the same run. */
export interface BenchRow {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. ">= 0.85" or "<= 350"; shown beside the figure. */
  readonly goal?: string;
  readonly met?: boolean;
}

export interface BenchReport {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  readonly notes?: readonly string[];
}

/** Each bench/*.bench.ts exports a default function of this type. */
export type Bench = () => Promise<BenchReport>;
