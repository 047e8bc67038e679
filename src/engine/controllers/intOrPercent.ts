/** apimachinery intstr.GetScaledValueFromIntOrPercent, shared by the controllers that resolve `25%`-style fields. */

/** An int as is; a percentage of `total`, rounded up or down. Anything else (rejected by validation) counts 0. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = /^([0-9]+)%$/.exec(value ?? '');
  if (!percent) return 0;
  const exact = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
