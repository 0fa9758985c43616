import { log } from './log';

/** How long stopping may take before the process exits anyway: well inside a host's grace period. */
const STOP_DEADLINE_MS = 4000;

/**
 * The process's signals. The handlers are installed on main's first line, so that no signal meets the
 * default action (death by signal) while the corpus loads or the bot connects.
 *
 * SIGTERM and SIGINT stop whatever runs and exit 0, within the deadline even if stopping hangs; a
 * second signal while stopping is ignored, since a host or a shell often sends two. SIGHUP reloads
 * the corpus; one that arrives before there is a corpus to reload is kept until there is.
 */
export class Lifecycle {
  private stopping = false;
  private stopTask: () => Promise<void> = () => Promise.resolve();
  private reloadTask: (() => void) | null = null;
  private reloadQueued = false;

  constructor(
    private readonly exit: (code: number) => void = code => process.exit(code),
    private readonly deadlineMs = STOP_DEADLINE_MS,
  ) {}

  listen(signals: NodeJS.EventEmitter = process): this {
    signals.on('SIGTERM', () => this.stop('SIGTERM received'));
    signals.on('SIGINT', () => this.stop('SIGINT received'));
    signals.on('SIGHUP', () => this.reload());
    return this;
  }

  /** What stopping means from now on (disconnecting the bot); before, a stop just exits. */
  onStop(task: () => Promise<void>): void {
    this.stopTask = task;
  }

  /** What SIGHUP does from now on; a SIGHUP received before runs it at once. */
  onReload(task: () => void): void {
    this.reloadTask = task;
    if (this.reloadQueued) {
      this.reloadQueued = false;
      log.info('reloading the corpus for the SIGHUP received before the bot ran');
      task();
    }
  }

  /** Stops what runs and exits with `code`. Only the first call counts. */
  stop(reason: string, code = 0): void {
    if (this.stopping) {
      log.info(`${reason} while stopping; ignored`);
      return;
    }
    this.stopping = true;
    log.info(`${reason}; stopping`);
    setTimeout(() => this.exit(code), this.deadlineMs).unref();
    this.stopTask().then(
      () => this.exit(code),
      (error: unknown) => {
        log.error('error while stopping', error);
        this.exit(code);
      },
    );
  }

  private reload(): void {
    if (this.stopping) return;
    if (!this.reloadTask) {
      this.reloadQueued = true;
      log.info('SIGHUP received before the bot runs; the corpus reloads once it does');
      return;
    }
    log.info('SIGHUP received; reloading the corpus');
    this.reloadTask();
  }
}
