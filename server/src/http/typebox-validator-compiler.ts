import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

type JsonSchema = Record<string, unknown>;

/**
 * If `schema` is a union of objects told apart by one constant property (ApplicationRequest's
 * `serviceKey`), returns that property's name.
 */
function discriminatorOf(schema: JsonSchema): string | undefined {
  const branches = schema['anyOf'];
  if (!Array.isArray(branches) || branches.length < 2) return undefined;
  const first = (branches[0] as JsonSchema)['properties'] as Record<string, JsonSchema> | undefined;
  if (!first) return undefined;
  return Object.keys(first).find((name) =>
    branches.every((b: JsonSchema) => {
      const prop = (b['properties'] as Record<string, JsonSchema> | undefined)?.[name];
      return prop !== undefined && 'const' in prop && ((b['required'] as string[] | undefined) ?? []).includes(name);
    }),
  );
}

function friendlier(errors: FastifySchemaValidationError[]): FastifySchemaValidationError[] {
  // TypeBox reports each unexpected property as "schema is false" next to one summary error.
  return errors.map((e) => (e.keyword === 'boolean' ? { ...e, message: 'is not an allowed property' } : e));
}

/**
 * Validates with TypeBox's compiler instead of Ajv: bodies are checked exactly as the schemas
 * say (no type coercion, no silent removal of unknown properties, which Fastify's Ajv defaults
 * would do). For a discriminated union the errors come from the branch the client chose, not from
 * every branch at once.
 */
export const typeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  const discriminator = discriminatorOf(schema as unknown as JsonSchema);
  const branchChecks = discriminator
    ? ((schema as unknown as JsonSchema)['anyOf'] as JsonSchema[]).map((branch) => ({
        value: ((branch['properties'] as Record<string, JsonSchema>)[discriminator] as JsonSchema)['const'],
        check: Compile(branch as unknown as TSchema),
      }))
    : [];

  return (input: unknown) => {
    // Only params, querystring and headers arrive as strings and may need converting.
    const value = httpPart === 'body' ? input : Value.Convert(schema, input);
    if (check.Check(value)) return { value };
    let errors: FastifySchemaValidationError[];
    if (discriminator && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const chosen = (value as Record<string, unknown>)[discriminator];
      const branch = branchChecks.find((b) => b.value === chosen);
      errors = branch
        ? branch.check.Errors(value)
        : [
            {
              keyword: 'const',
              instancePath: `/${discriminator}`,
              schemaPath: '#',
              params: { allowedValues: branchChecks.map((b) => b.value) },
              message: `must be one of: ${branchChecks.map((b) => JSON.stringify(b.value)).join(', ')}`,
            },
          ];
    } else {
      errors = check.Errors(value);
    }
    return { error: friendlier(errors) };
  };
};
