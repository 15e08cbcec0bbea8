import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { systemTimers, type Timers } from '../reader/timers';

export interface ConfigFileWatcherOptions {
  /** Editors write a file in several steps (truncate, write, rename): wait for quiet. */
  debounceMs?: number;
  timers?: Timers;
  /** For tests: the fs.watch to use. */
  watchFn?: typeof watch;
}

/**
 * Calls `onChange` once the config file has changed and then stayed quiet for debounceMs. Watches
 * the folder, not the file, so an editor's save-by-rename (a new inode) is still seen.
 */
export class ConfigFileWatcher {
  private watcher: FSWatcher | undefined;
  private timer: unknown;
  private readonly timers: Timers;
  private readonly debounceMs: number;

  constructor(
    readonly path: string,
    private readonly onChange: () => void,
    private readonly options: ConfigFileWatcherOptions = {},
  ) {
    this.timers = options.timers ?? systemTimers;
    this.debounceMs = options.debounceMs ?? 300;
  }

  start(): void {
    if (this.watcher) return;
    const name = basename(this.path);
    this.watcher = (this.options.watchFn ?? watch)(dirname(this.path), (_event, filename) => {
      if (filename !== null && filename.toString() !== name) return;
      this.changed();
    });
    // A folder that disappears must not crash the agent; the running config stays.
    this.watcher.on('error', () => this.stop());
  }

  /** Restarts the quiet period (also what a watch event does). */
  changed(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.onChange(), this.debounceMs);
  }

  stop(): void {
    this.timers.clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
