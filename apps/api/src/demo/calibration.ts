export const expit = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));

/**
 * The population average of expit(l + sd·Z + shift·B), Z standard normal (a team's random effect), B true for a
 * share of people (those in teams with a problem): the trapezoid rule over z in [-8, 8], which is exact to far more
 * digits than a prevalence needs.
 */
function averageProbability(l: number, sd: number, share: number, shift: number): number {
  const steps = 320;
  const h = 16 / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const z = -8 + i * h;
    const weight = (i === 0 || i === steps ? 0.5 : 1) * Math.exp(-0.5 * z * z);
    const p = (1 - share) * expit(l + sd * z) + share * expit(l + sd * z + shift);
    sum += weight * p;
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

/**
 * The base logit that makes the population prevalence `p` once team effects (sd) and problem teams (share, shift)
 * are added: without it the random effects would lift every prevalence above its target, because expit is convex
 * at small p. Bisection; the average is increasing in l.
 */
export function calibratedLogit(p: number, sd: number, share: number, shift: number): number {
  if (!(p > 0 && p < 1)) throw new Error('calibratedLogit requires 0 < p < 1');
  let lo = -20;
  let hi = 20;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (averageProbability(mid, sd, share, shift) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
