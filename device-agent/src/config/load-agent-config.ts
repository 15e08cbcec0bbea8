import { readFile } from 'node:fs/promises';
import { AgentConfigError } from './agent-config-error';
import type { AgentConfig, AgentConfigInput } from './agent-config-schema';
import { resolveAgentConfig } from './resolve-agent-config';

export type ReadText = (path: string) => Promise<string>;
export const readText: ReadText = (path) => readFile(path, 'utf8');

/** Parses a config file's text; a syntax error names the line and column. */
export function parseConfigText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      where = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
    }
    throw new AgentConfigError('AGENT_CONFIG_INVALID', `${source}: not valid JSON${where} (${message})`, [{ path: '', message: `not valid JSON${where}` }]);
  }
}

/** Deep merge of plain objects; arrays and scalars from `over` replace those of `base`. */
export function mergeConfig(base: unknown, over: AgentConfigInput): unknown {
  if (!isPlainObject(base)) return base; // resolveAgentConfig reports it
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeConfig(out[key], value as AgentConfigInput) : value;
  }
  return out;
}

/** Reads the file (if any), lays the overrides (CLI flags) over it and resolves defaults. */
export async function loadAgentConfig(path: string | undefined, overrides: AgentConfigInput = {}, read: ReadText = readText): Promise<AgentConfig> {
  let file: unknown = {};
  if (path !== undefined) {
    let text: string;
    try {
      text = await read(path);
    } catch (err) {
      throw new AgentConfigError('AGENT_CONFIG_INVALID', `Cannot read ${path}: ${(err as Error).message}`, [{ path: '', message: `cannot read the file: ${(err as Error).message}` }]);
    }
    file = parseConfigText(text, path);
  }
  return resolveAgentConfig(mergeConfig(file, overrides), path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
