import { EligibilityViewSchema, ErrorBodySchema } from '@eldercare/domain';
import { Type } from 'typebox';

/** NOT_ELIGIBLE carries the reasons, in both languages, beside the usual ErrorBody fields. */
export const NotEligibleBodySchema = Type.Object({
  ...ErrorBodySchema.properties,
  serviceKey: Type.String(),
  reasons: EligibilityViewSchema.properties.reasons,
});

/** ErrorBody for each listed status, for a route's `response` schema (and so for OpenAPI). */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBodySchema])) as Record<S, typeof ErrorBodySchema>;
}
