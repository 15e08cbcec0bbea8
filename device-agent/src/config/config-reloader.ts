import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import type { ConfigReload } from '@eldercare/domain';
import { AgentConfigError } from './agent-config-error';
import type { AgentConfig, AgentConfigInput } from './agent-config-schema';
import { configChanges, type DevicePart } from './config-changes';
import { ConfigFileWatcher, type ConfigFileWatcherOptions } from './config-file-watcher';
import { mergeConfig, parseConfigText, readText, type ReadText } from './load-agent-config';
import { resolveAgentConfig } from './resolve-agent-config';

export interface ConfigReloaderOptions {
  /** The config file; without one, PUT applies in memory only. */
  path?: string;
  /** CLI flags, laid over the file again on every reload. */
  overrides?: AgentConfigInput;
  /** Closes and reopens the given device parts with the new config. */
  reopen(parts: DevicePart[], next: AgentConfig): Promise<void>;
  log?(line: string): void;
  read?: ReadText;
  /** Writes atomically (temporary file, then rename). */
  write?(path: string, text: string): Promise<void>;
  now?: () => Date;
  watch?: ConfigFileWatcherOptions;
}

export type ReloadSource = ConfigReload['source'];

/**
 * Keeps the running config and moves it to a new one: from the watched file, on SIGHUP, or from
 * PUT /v1/tech/config. A new config that does not validate is reported and the running one stays.
 */
export class ConfigReloader {
  private running: AgentConfig;
  private watcher: ConfigFileWatcher | undefined;
  private last: ConfigReload | undefined;
  /** Reloads run one at a time, in order. */
  private chain: Promise<unknown> = Promise.resolve();
  /** The text we last wrote ourselves, so its own watch event is not a second reload. */
  private ownWrite: string | undefined;

  constructor(
    initial: AgentConfig,
    private readonly options: ConfigReloaderOptions,
  ) {
    this.running = initial;
  }

  get config(): AgentConfig {
    return this.running;
  }

  get path(): string | undefined {
    return this.options.path;
  }

  get lastReload(): ConfigReload | undefined {
    return this.last;
  }

  /** Starts watching the file (if any). */
  watch(): void {
    if (!this.options.path || this.watcher) return;
    this.watcher = new ConfigFileWatcher(this.options.path, () => void this.reload('file'), this.options.watch);
    this.watcher.start();
  }

  stop(): void {
    this.watcher?.stop();
  }

  /** The file's text, or (without a file) the running config as JSON. */
  async text(): Promise<string> {
    if (this.options.path) {
      try {
        return await (this.options.read ?? readText)(this.options.path);
      } catch {
        // Not written yet: the running config is the best start for an editor.
      }
    }
    const { $schema: _schema, ...shown } = this.running;
    return `${JSON.stringify(shown, null, 2)}\n`;
  }

  /** Reads the file again and applies it. Never throws: the outcome is in the report. */
  reload(source: Exclude<ReloadSource, 'api'>): Promise<ConfigReload> {
    return this.serial(async () => {
      if (!this.options.path) return this.report(source, { ok: false, issues: [{ path: '', message: 'the agent runs without a config file (--config)' }] });
      let text: string;
      try {
        text = await (this.options.read ?? readText)(this.options.path);
      } catch (err) {
        return this.report(source, { ok: false, issues: [{ path: '', message: `cannot read ${this.options.path}: ${(err as Error).message}` }] });
      }
      if (source === 'file' && text === this.ownWrite) return this.last ?? this.report(source, { ok: true });
      try {
        return await this.apply(source, this.resolve(text));
      } catch (err) {
        if (!(err instanceof AgentConfigError)) throw err;
        return this.report(source, { ok: false, issues: err.issues.length ? err.issues : [{ path: '', message: err.message }] });
      }
    });
  }

  /**
   * PUT /v1/tech/config: validates the text (throws AgentConfigError naming every bad key), then
   * saves it atomically and applies it.
   */
  save(text: string): Promise<{ saved: boolean; reload: ConfigReload }> {
    return this.serial(async () => {
      const next = this.resolve(text);
      let saved = false;
      if (this.options.path) {
        this.ownWrite = text;
        await (this.options.write ?? writeAtomically)(this.options.path, text);
        saved = true;
      }
      return { saved, reload: await this.apply('api', next) };
    });
  }

  private resolve(text: string): AgentConfig {
    const source = this.options.path ?? 'config';
    const parsed = parseConfigText(text, source);
    return resolveAgentConfig(mergeConfig(parsed, this.options.overrides ?? {}), source);
  }

  private async apply(source: ReloadSource, next: AgentConfig): Promise<ConfigReload> {
    const { reopen, restartNeeded } = configChanges(this.running, next);
    // Keys that need a restart keep their running values until then.
    const { api, queueDir, logger, cardHoldMs, simulatorControl } = this.running;
    const applied: AgentConfig = { ...next, api, queueDir, logger, cardHoldMs, ...(simulatorControl ? { simulatorControl } : {}) };
    if (!simulatorControl) delete applied.simulatorControl;
    if (reopen.length > 0) await this.options.reopen(reopen, applied);
    this.running = applied;
    return this.report(source, { ok: true, reopened: reopen, restartNeeded });
  }

  private report(source: ReloadSource, outcome: Partial<ConfigReload> & { ok: boolean }): ConfigReload {
    const report: ConfigReload = {
      at: (this.options.now ?? (() => new Date()))().toISOString(),
      source,
      reopened: [],
      restartNeeded: [],
      issues: [],
      ...outcome,
    };
    this.last = report;
    const log = this.options.log ?? (() => {});
    if (!report.ok) log(`config (${source}) refused, the running config stays: ${report.issues.map((i) => `${i.path || '(file)'}: ${i.message}`).join('; ')}`);
    else {
      log(`config (${source}) applied${report.reopened.length ? `; reopened ${report.reopened.join(', ')}` : '; no device changed'}`);
      if (report.restartNeeded.length) log(`config: ${report.restartNeeded.join(', ')} changed; takes effect after a restart`);
    }
    return report;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}
