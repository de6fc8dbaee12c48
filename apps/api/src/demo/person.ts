import type { BehaviourHistory } from './behaviour';

/** One simulated employee, as far as their answers depend on it. */
export interface Person {
  /** Standardised social climate as this person experiences it: team part, own part and shifts. */
  climate: number;
  /** The team's own deviation per scale (standard normal, stable over waves), beside the shared climate. */
  teamScaleEffect(scaleId: string): number;
  /** A tendency to agree with any statement (small): reverse-keyed items keep their answers honest but not perfect. */
  acquiescence: number;
  supervises: boolean;
  contract: number | undefined;
  behaviour: BehaviourHistory;
}
