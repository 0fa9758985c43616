import { ConfigError, readConfig } from '../config';
import { openLibrary, startUpCacheWritten } from '../library/open';
import { log, registerSecret, setLogLabel } from '../log';

/**
 * The process that makes sure of the start-up cache for the shard processes (see prepare-cache.ts). It
 * reads the same configuration and registers the same token as they will, since both go into the
 * corpus key that names a cache theirs.
 */
setLogLabel('start-up cache');
try {
  const config = readConfig();
  registerSecret(config.discordToken ?? undefined);
  // A build answers before its cache is written; this process is here for the cache, so it waits.
  await startUpCacheWritten(await openLibrary(config.dataDir, config.cacheDir, undefined, { buildWorkers: config.buildWorkers }));
  process.exit(0);
} catch (error) {
  log.error(error instanceof ConfigError ? `configuration: ${error.message}` : 'could not prepare the start-up cache', error instanceof ConfigError ? undefined : error);
  process.exit(1);
}
