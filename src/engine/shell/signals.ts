import { SIGNAL_NUMBERS, type Signal } from '../os/types';

/** Signals by number, for `kill -9` and `trap '' 15`. */
const SIGNALS_BY_NUMBER = new Map<number, Signal>(
  Object.entries(SIGNAL_NUMBERS).map(([name, n]) => [n, name as Signal]),
);

/** `TERM`, `SIGTERM`, `term` or `15` → `SIGTERM`; undefined when unknown. */
export function parseSignal(spec: string): Signal | undefined {
  if (/^\d+$/.test(spec)) return SIGNALS_BY_NUMBER.get(Number(spec));
  const upper = spec.toUpperCase();
  const name = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  return name in SIGNAL_NUMBERS ? (name as Signal) : undefined;
}

export function signalNumber(signal: Signal): number {
  return SIGNAL_NUMBERS[signal];
}

export function signalByNumber(n: number): Signal | undefined {
  return SIGNALS_BY_NUMBER.get(n);
}

/** Known signals in number order. */
export function listSignals(): Signal[] {
  return [...SIGNALS_BY_NUMBER.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}
