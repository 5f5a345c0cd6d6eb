import { decodeMessage, type LedgerLegRequestedMsg } from '@faultline/bank-model';
import { PoisonMessageError } from '@faultline/errors';
import { noFaults, type FaultInjector } from '@faultline/faults';
import type { Logger } from '@faultline/observability';
import { messageTypes, type Topics } from '@faultline/proto';
import type { LedgerMetrics } from './ledger-metrics';
import type { LedgerWriter, LegResult } from './ledger-writer';
import { resultEvents, type OutgoingMessage } from './result-events';

/** The parts of a consumed message the ledger reads (a subset of messaging's ConsumedMessage). */
export interface LedgerCommandMessage {
  key: string | null;
  envelope: { messageId: string; type: string };
  payload: Uint8Array;
}

export interface CommandHandlerDeps {
  writer: LedgerWriter;
  publishMany(messages: OutgoingMessage[]): Promise<unknown>;
  topics: Topics;
  logger: Logger;
  metrics: LedgerMetrics;
  /** Chaos: the `ledger.after-write` crash point. Default none. */
  faults?: FaultInjector;
}

/**
 * Handles one message of ledger.commands. Resolving means "effect durable AND answer
 * published": the consumer runner commits the offset only then, so a crash anywhere in here
 * redelivers the command, and the writer's per-leg marker turns that into a duplicate answer.
 * Anything that is not a valid LedgerLegRequested is a PoisonMessageError (non-retriable):
 * it goes to ledger.commands.dlt with the reason, and the partition moves on.
 */
export function createCommandHandler(deps: CommandHandlerDeps) {
  return async (msg: LedgerCommandMessage): Promise<void> => {
    const cmd = decodeCommand(msg, deps.logger);
    const result = await deps.writer.apply(cmd, msg.envelope.messageId);
    recordLeg(deps, cmd, result);
    deps.metrics.lwtRounds.inc(result.lwtRounds);
    // Crash point: the leg is durable in the ledger, its answer not yet published and the
    // offset not committed. The command is redelivered and answered as a duplicate.
    await (deps.faults ?? noFaults).crashPoint('ledger.after-write');
    await deps.publishMany(resultEvents(deps.topics, cmd, result, msg.envelope.messageId));
  };
}

/**
 * The command in a message, validated: anything that is not a valid LedgerLegRequested is a
 * PoisonMessageError (unknown leg, non-positive amount, malformed ids ...).
 */
export function decodeCommand(msg: LedgerCommandMessage, logger: Logger): LedgerLegRequestedMsg {
  if (msg.envelope.type !== messageTypes.ledgerLegRequested)
    throw new PoisonMessageError(
      `ledger.commands carries ${messageTypes.ledgerLegRequested}, got "${msg.envelope.type}"`,
      { code: 'UNEXPECTED_TYPE' },
    );
  const cmd = decodeMessage(messageTypes.ledgerLegRequested, msg.payload);
  if (msg.key !== cmd.accountId)
    // Still safe (the LWT orders the chain), but the per-account ordering is lost: say so.
    logger.warn('ledger command not keyed by its account', {
      key: msg.key,
      accountId: cmd.accountId,
    });
  return cmd;
}

/** Metrics and the log line of one decided leg. */
export function recordLeg(
  deps: Pick<CommandHandlerDeps, 'metrics' | 'logger'>,
  cmd: LedgerLegRequestedMsg,
  result: LegResult,
): void {
  deps.metrics.legs.inc({
    leg: cmd.leg,
    outcome: result.status.toLowerCase(),
    duplicate: String(result.duplicate),
  });
  deps.logger.info('ledger leg decided', {
    paymentId: cmd.paymentId,
    accountId: cmd.accountId,
    leg: cmd.leg,
    amount: cmd.amount.toString(),
    status: result.status,
    duplicate: result.duplicate,
    ...(result.status === 'POSTED'
      ? { seq: result.seq.toString(), balanceAfter: result.balanceAfter.toString() }
      : { reason: result.reason }),
    lwtRounds: result.lwtRounds,
  });
}
