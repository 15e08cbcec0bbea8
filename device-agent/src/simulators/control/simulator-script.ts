import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '@eldercare/domain';
import { Compile } from 'typebox/compile';
import { SimulatorScriptSchema, type SimulatorScript } from './control-schemas';

export class SimulatorScriptError extends DomainError {
  constructor(message: string) {
    super('SIM_SCRIPT_INVALID', message);
  }
}

const checkScript = Compile(SimulatorScriptSchema);

/** Reads and validates a --script file (see SimulatorScriptSchema). */
export async function loadSimulatorScript(path: string): Promise<SimulatorScript> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new SimulatorScriptError(`${path}: ${(err as Error).message}`);
  }
  if (!checkScript.Check(json)) {
    const first = checkScript.Errors(json)[0];
    throw new SimulatorScriptError(`${path}: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid script'}`);
  }
  return json;
}

/**
 * Plays a script against the control API (through app.inject, so every step is validated like
 * a request). Steps run at their atMs from now; returns a function that stops the rest.
 */
export function runSimulatorScript(app: FastifyInstance, script: SimulatorScript, log: (line: string) => void): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const steps = [...script.steps].sort((a, b) => a.atMs - b.atMs);
  const lastAt = steps.at(-1)?.atMs ?? 0;
  const round = (offsetMs: number): void => {
    for (const step of steps) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void app
          .inject({ method: step.method, url: step.path, ...(step.body !== undefined ? { payload: step.body as object } : {}) })
          .then((response) => log(`[script] ${step.method} ${step.path} → ${response.statusCode}${step.note ? ` (${step.note})` : ''}`));
      }, offsetMs + step.atMs);
      timers.add(timer);
    }
    if (script.repeatAfterMs !== undefined && steps.length > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        round(0);
      }, offsetMs + lastAt + script.repeatAfterMs);
      timers.add(timer);
    }
  };
  round(0);
  return () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}
