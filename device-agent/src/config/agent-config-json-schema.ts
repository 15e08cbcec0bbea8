import { AgentConfigSchema } from './agent-config-schema';

/**
 * The JSON Schema editors use to check agent config files (agent-config.schema.json, generated
 * by `npm run config-schema -w device-agent`). Derived from the TypeBox schema: a key with a
 * default is not required in a file, and the `expected` wording of our own errors is left out.
 */
export function agentConfigJsonSchema(): Record<string, unknown> {
  const schema = forFiles(JSON.parse(JSON.stringify(AgentConfigSchema))) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://eldercare.invalid/device-agent/agent-config.schema.json',
    title: 'Device agent configuration',
    ...schema,
  };
}

export function agentConfigJsonSchemaText(): string {
  return `${JSON.stringify(agentConfigJsonSchema(), null, 2)}\n`;
}

function forFiles(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forFiles);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'expected') continue;
    out[key] = key === 'default' || key === 'examples' ? value : forFiles(value);
  }
  const properties = out.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties && Array.isArray(out.required)) {
    const required = (out.required as string[]).filter((k) => properties[k]?.default === undefined);
    if (required.length > 0) out.required = required;
    else delete out.required;
  }
  return out;
}
