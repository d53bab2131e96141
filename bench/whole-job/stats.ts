export const MB = 1024 * 1024;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** "120x1,1000x1,120x2" → persons × photos per person. */
export function parseSizes(spec: string): { readonly persons: number; readonly photosPerPerson: number }[] {
  return spec.split(',').map((part) => {
    const [persons, per] = part.split('x').map(Number);
    if (!Number.isInteger(persons) || !Number.isInteger(per) || (persons ?? 0) < 1 || (per ?? 0) < 1) throw new Error(`bad size "${part}": expected PERSONSxPHOTOS`);
    return { persons: persons as number, photosPerPerson: per as number };
  });
}
