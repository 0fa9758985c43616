import type { Lifecycle } from '../lifecycle';
import { setLogLabel } from '../log';

/**
 * Whether a discord.js ShardingManager started this process: it then runs the one shard the manager
 * gave it (discord.js reads SHARDS and SHARD_COUNT from the environment), and the manager answers the
 * health checks for the whole group.
 */
export function startedByShardingManager(): boolean {
  return process.env.SHARDING_MANAGER !== undefined && process.env.SHARDS !== undefined;
}

/**
 * A shard process names its shard on every log line, since the group shares one log, and stops when
 * the manager is gone (its IPC channel closes), however the manager ended: a shard left running alone
 * would hold its servers while a restarted group connects them again.
 */
export function joinShardingManager(lifecycle: Lifecycle): void {
  setLogLabel(`shard ${process.env.SHARDS}`);
  process.once('disconnect', () => lifecycle.stop('the shard manager is gone'));
}
