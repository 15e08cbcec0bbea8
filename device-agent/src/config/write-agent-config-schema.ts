/** Writes device-agent/agent-config.schema.json from the TypeBox schema (`npm run config-schema -w device-agent`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { agentConfigJsonSchemaText } from './agent-config-json-schema';

export const AGENT_CONFIG_SCHEMA_FILE = resolve(import.meta.dirname, '../../agent-config.schema.json');

writeFileSync(AGENT_CONFIG_SCHEMA_FILE, agentConfigJsonSchemaText());
console.log(`wrote ${AGENT_CONFIG_SCHEMA_FILE}`);
