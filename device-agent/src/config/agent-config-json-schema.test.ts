import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentConfigJsonSchema, agentConfigJsonSchemaText } from './agent-config-json-schema';
import { agentConfigIssues, resolveAgentConfig } from './resolve-agent-config';

const root = resolve(import.meta.dirname, '../..');

describe('agent-config.schema.json', () => {
  it('is the one generated from the TypeBox schema (run `npm run config-schema -w device-agent` after changing it)', () => {
    expect(readFileSync(resolve(root, 'agent-config.schema.json'), 'utf8')).toBe(agentConfigJsonSchemaText());
  });

  it('lets a file leave out keys with defaults but not an optional section’s address', () => {
    const schema = agentConfigJsonSchema() as { required?: string[]; properties: Record<string, { required?: string[]; properties?: Record<string, { required?: string[] }> }> };
    expect(schema.required).toBeUndefined();
    expect(schema.properties.reader!.required).toBeUndefined();
    expect(schema.properties.printers!.properties!.ticket!.required).toEqual(['address']);
    expect(schema.properties.scanner!.required).toEqual(['address']);
    expect(JSON.stringify(schema)).not.toContain('"expected"');
  });
});

describe('agent-config.example.json', () => {
  it('is a valid config that sets every device', () => {
    const example = JSON.parse(readFileSync(resolve(root, 'agent-config.example.json'), 'utf8')) as unknown;
    expect(agentConfigIssues(example)).toEqual([]);
    const config = resolveAgentConfig(example);
    expect(config.printers.ticket?.address).toBe('usb:0416:5011');
    expect(config.scanner?.mode).toBe('serial');
  });
});
