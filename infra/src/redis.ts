import fs from 'node:fs';
import path from 'node:path';
import type { LaunchCommand, NodeContext } from './node-context';
import type { RedisNode } from './profiles';

export function prepareRedis(_node: RedisNode, ctx: NodeContext): void {
  fs.mkdirSync(path.join(ctx.nodeDir, 'data'), { recursive: true });
}

/** Redis is a cache here, but an append-only file lets chaos restarts keep it warm. */
export function redisCommand(node: RedisNode, ctx: NodeContext): LaunchCommand {
  return {
    command: 'redis-server',
    args: [
      '--port',
      String(node.port),
      '--bind',
      node.host,
      '--dir',
      path.join(ctx.nodeDir, 'data'),
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--daemonize',
      'no',
      '--logfile',
      '',
    ],
  };
}
