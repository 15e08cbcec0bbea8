import { QueueEventSchema, type QueueEvent } from '@eldercare/domain';

/**
 * The few JSON Schema keywords the queue event contract uses. Checked here by hand because
 * TypeBox's Value module (~20 kB gzip) ends up in the chunk every page shares, the kiosk's
 * included; the schema itself is the same one the server documents and sends.
 */
interface SchemaNode {
  type?: string;
  const?: unknown;
  pattern?: string;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

function matches(schema: SchemaNode, value: unknown): boolean {
  if ('const' in schema) return value === schema.const;
  if (schema.anyOf) return schema.anyOf.some((option) => matches(option, value));
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && (schema.pattern === undefined || new RegExp(schema.pattern).test(value));
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value) && (schema.items === undefined || value.every((item) => matches(schema.items!, item)));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      const required = new Set(schema.required ?? []);
      return Object.entries(schema.properties ?? {}).every(([key, property]) =>
        key in record ? matches(property, record[key]) : !required.has(key),
      );
    }
    default:
      return false;
  }
}

/** Whether a parsed SSE data field is a QueueEvent of the contract (the same schema the server uses). */
export function isQueueEvent(value: unknown): value is QueueEvent {
  return matches(QueueEventSchema as SchemaNode, value);
}
