/** A value axis: from zero (or the lowest value, when below zero) to a round number above the highest. */
export interface ChartScale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * Zero-based, and taking in every value given (the target included), so a change of 2 件 on
 * 1,000 does not look like a collapse. Three to six round ticks.
 */
export function chartScale(values: readonly number[]): ChartScale {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  if (high - low < 1e-9) {
    const min = low < 0 ? -1 : 0;
    const max = high > 0 || min === 0 ? 1 : 0;
    return { min, max, ticks: [min, (min + max) / 2, max] };
  }
  const step = niceStep((high - low) / 4);
  const min = Math.floor(low / step) * step;
  const max = Math.max(min + 2 * step, Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}
