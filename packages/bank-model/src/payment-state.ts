/**
 * A payment's life. Binding money rule: the state only moves FORWARD, along these edges, and
 * each move is a compare-and-set on the current state, so a duplicate or redelivered message
 * finds the state already advanced and cannot apply its effect twice.
 *
 *   REQUESTED -> VALIDATED -> DEBITED -> COMPLETED
 *       |            |           \-> REFUNDING -> REFUNDED   (credit refused: money goes back)
 *       \------------+-> REJECTED                            (invalid, or insufficient funds)
 */
export const paymentStates = [
  'REQUESTED',
  'VALIDATED',
  'DEBITED',
  'REFUNDING',
  'COMPLETED',
  'REJECTED',
  'REFUNDED',
] as const;
export type PaymentState = (typeof paymentStates)[number];

const forward: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  REQUESTED: ['VALIDATED', 'REJECTED'],
  VALIDATED: ['DEBITED', 'REJECTED'],
  DEBITED: ['COMPLETED', 'REFUNDING'],
  REFUNDING: ['REFUNDED'],
  COMPLETED: [],
  REJECTED: [],
  REFUNDED: [],
};

export function isPaymentState(value: string): value is PaymentState {
  return (paymentStates as readonly string[]).includes(value);
}

/** True only for an edge of the diagram above: never backwards, never a skip, never a loop. */
export function canAdvance(from: PaymentState, to: PaymentState): boolean {
  return forward[from].includes(to);
}

/** A final state: no message can move the payment again, and the sweeper leaves it alone. */
export function isTerminal(state: PaymentState): boolean {
  return forward[state].length === 0;
}

/**
 * How far along the diagram a state is; a state with a higher rank can never be followed
 * by a lower one. Terminal states share the top rank.
 */
export function stateRank(state: PaymentState): number {
  if (isTerminal(state)) return 4;
  return ['REQUESTED', 'VALIDATED', 'DEBITED', 'REFUNDING'].indexOf(state);
}
