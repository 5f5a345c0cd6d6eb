import { formatAmount } from '@faultline/money';
import type { Payment } from './payment';

/** The JSON a client sees: amounts as exact decimal strings (and minor units), never floats. */
export function paymentView(p: Payment) {
  return {
    paymentId: p.paymentId,
    from: p.from,
    to: p.to,
    amount: formatAmount(p.amount),
    amountMinor: p.amount.toString(),
    state: p.state,
    reason: p.reason || undefined,
    detail: p.detail || undefined,
    system: p.system,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    timeline: p.timeline.map((s) => ({
      state: s.state,
      at: s.at.toISOString(),
      instance: s.instance,
      attempt: s.attempt,
      note: s.note || undefined,
    })),
  };
}
