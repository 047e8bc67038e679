/** The bench's output: named figures printed as aligned lines. */
export interface Figure {
  name: string;
  value: string;
}

/** Prints figures as `name  value`, names padded to one column. */
export function printFigures(figures: readonly Figure[]): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const figure of figures) console.log(`${figure.name.padEnd(width)}  ${figure.value}`);
}

/** The largest heap sample, in MB. */
export function peakHeapMb(samples: readonly number[]): string {
  return `${(Math.max(...samples) / 1024 / 1024).toFixed(0)} MB`;
}

/** Wall-clock seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
