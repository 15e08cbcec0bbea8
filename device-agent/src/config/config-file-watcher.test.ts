import type { watch } from 'node:fs';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigFileWatcher } from './config-file-watcher';

afterEach(() => {
  vi.useRealTimers();
});

function fakeWatch() {
  const calls: { dir: string; emit: (event: string, filename: string | null) => void; closed: boolean }[] = [];
  const watchFn = ((dir: string, listener: (event: string, filename: string | null) => void) => {
    const emitter = new EventEmitter() as EventEmitter & { close(): void };
    const call = { dir, emit: listener, closed: false };
    emitter.close = () => {
      call.closed = true;
    };
    calls.push(call);
    return emitter;
  }) as unknown as typeof watch;
  return { calls, watchFn };
}

describe('ConfigFileWatcher', () => {
  it('watches the folder and calls back once the file has been quiet for the debounce time', () => {
    vi.useFakeTimers();
    const { calls, watchFn } = fakeWatch();
    const onChange = vi.fn();
    const watcher = new ConfigFileWatcher('/etc/eldercare/agent.json', onChange, { debounceMs: 300, watchFn });
    watcher.start();
    expect(calls[0]!.dir).toBe('/etc/eldercare');

    calls[0]!.emit('change', 'agent.json');
    vi.advanceTimersByTime(200);
    calls[0]!.emit('rename', 'agent.json'); // an editor's save: truncate, write, rename
    vi.advanceTimersByTime(299);
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onChange).toHaveBeenCalledTimes(1);

    calls[0]!.emit('change', 'other.json');
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);

    watcher.stop();
    expect(calls[0]!.closed).toBe(true);
  });

  it('stop cancels a pending reload', () => {
    vi.useFakeTimers();
    const { calls, watchFn } = fakeWatch();
    const onChange = vi.fn();
    const watcher = new ConfigFileWatcher('/tmp/agent.json', onChange, { watchFn });
    watcher.start();
    calls[0]!.emit('change', null);
    watcher.stop();
    vi.advanceTimersByTime(5000);
    expect(onChange).not.toHaveBeenCalled();
  });
});
