// Shows a metric with few decimals, but never so few that rounding flips its comparison with the policy floor.

/** Default: 3 decimals below 10, 2 below 100, none above; more when needed to stay on the right side of `floor`. */
export function formatMetric(value: number, floor?: number): string {
  let decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 2 : 3;
  if (floor !== undefined && value !== floor) {
    while (decimals < 12) {
      const shown = Number(value.toFixed(decimals));
      if ((value < floor && shown < floor) || (value > floor && shown > floor)) break;
      decimals++;
    }
  }
  return value.toFixed(decimals);
}
