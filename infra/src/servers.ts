import { cassandraCommand, prepareCassandra } from './cassandra';
import { kafkaCommand, prepareKafka } from './kafka';
import type { LaunchCommand, NodeContext } from './node-context';
import type { NodeSpec } from './profiles';
import { prepareRedis, redisCommand } from './redis';

/** Writes a node's config (and formats storage where needed), then gives its command line. */
export function prepareNode(node: NodeSpec, ctx: NodeContext): LaunchCommand {
  switch (node.kind) {
    case 'kafka':
      prepareKafka(node, ctx);
      return kafkaCommand(node, ctx);
    case 'cassandra':
      prepareCassandra(node, ctx);
      return cassandraCommand(node, ctx);
    case 'redis':
      prepareRedis(node, ctx);
      return redisCommand(node, ctx);
  }
}

/** How long a node may take to serve after its process starts. */
export function startBudgetMs(node: NodeSpec): number {
  return node.kind === 'cassandra' ? 120_000 : node.kind === 'kafka' ? 60_000 : 10_000;
}
