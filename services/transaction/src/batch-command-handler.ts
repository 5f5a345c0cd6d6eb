import type { LedgerLegRequestedMsg } from '@faultline/bank-model';
import { noFaults } from '@faultline/faults';
import {
  createCommandHandler,
  decodeCommand,
  recordLeg,
  type CommandHandlerDeps,
  type LedgerCommandMessage,
} from './command-handler';
import { resultEvents, type OutgoingMessage } from './result-events';

export interface BatchSwitches {
  /** FAULTLINE_LEDGER_COALESCE: an account's legs in one conditional batch (writer.applyMany). */
  coalesce: boolean;
  /** FAULTLINE_PRODUCER_BATCH: the answers of the whole run in one producer send. */
  producerBatch: boolean;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/**
 * Handles a run of consecutive ledger.commands messages of one partition (runConsumer's
 * handleBatch). Resolving means, for every message answered `undefined`: its leg is durable
 * AND its answer is published; only then does the consumer commit the run's offsets, so a
 * crash anywhere in here redelivers the run and the legs' markers make the repeats duplicates.
 * A message answered with an Error goes to the retry topics or the dead-letter topic, alone.
 *
 * With a ledger crash point armed, every message goes through the per-message handler, so the
 * process exits exactly where the crash point is documented (one leg written, its answer not
 * published); the writer itself falls back to per-leg writes when a ledger toggle is on.
 */
export function createBatchCommandHandler(deps: CommandHandlerDeps, switches: BatchSwitches) {
  const perMessage = createCommandHandler(deps);
  const faults = deps.faults ?? noFaults;

  async function oneByOne(msgs: LedgerCommandMessage[]): Promise<(void | Error)[]> {
    const out: (void | Error)[] = [];
    for (const msg of msgs) out.push(await perMessage(msg).catch(asError));
    return out;
  }

  return async (msgs: LedgerCommandMessage[]): Promise<(void | Error)[]> => {
    const crashArmed =
      faults.armed?.('ledger.before-write') === true ||
      faults.armed?.('ledger.after-write') === true;
    if (crashArmed || (!switches.coalesce && !switches.producerBatch)) return oneByOne(msgs);

    const out: (void | Error)[] = msgs.map(() => undefined);
    const cmds: { at: number; leg: LedgerLegRequestedMsg; messageId: string }[] = [];
    msgs.forEach((msg, at) => {
      try {
        cmds.push({ at, leg: decodeCommand(msg, deps.logger), messageId: msg.envelope.messageId });
      } catch (err) {
        out[at] = asError(err); // poison: dead-lettered alone
      }
    });
    const { results, paxosRounds } = await deps.writer.applyMany(cmds, {
      coalesce: switches.coalesce,
    });
    deps.metrics.lwtRounds.inc(paxosRounds);

    const answers: { at: number; events: OutgoingMessage[] }[] = [];
    cmds.forEach((c, k) => {
      const r = results[k];
      if (r === undefined || r instanceof Error) {
        out[c.at] = r ?? new TypeError('writer returned no result');
        return;
      }
      recordLeg(deps, c.leg, r);
      answers.push({ at: c.at, events: resultEvents(deps.topics, c.leg, r, c.messageId) });
    });
    if (switches.producerBatch) {
      // One send for the run (kafkajs groups it per topic). If it fails, no answer of the run
      // is known to be out: every written leg is retried and answered again as a duplicate.
      const failed = await deps
        .publishMany(answers.flatMap((a) => a.events))
        .then(() => undefined, asError);
      if (failed) for (const a of answers) out[a.at] = failed;
    } else {
      for (const a of answers)
        out[a.at] = await deps.publishMany(a.events).then(() => undefined, asError);
    }
    return out;
  };
}
