import { IdCardDataSchema, SimPrintSchema } from '@eldercare/domain';
import { Type, type Static } from 'typebox';

/**
 * The control API of a simulator process (loopback HTTP, JSON): how tests, demos and the agent's
 * /v1/sim routes make a simulated device behave. Reader and printer share the link routes.
 */

export const PlaceCardBodySchema = Type.Union([
  Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
  /** Any card, e.g. one a test made up (never logged). */
  Type.Object({ card: IdCardDataSchema }, { additionalProperties: false }),
]);
export type PlaceCardBody = Static<typeof PlaceCardBodySchema>;

export const DisconnectBodySchema = Type.Object(
  { forMs: Type.Integer({ minimum: 0, maximum: 600_000 }) },
  { additionalProperties: false },
);
export type DisconnectBody = Static<typeof DisconnectBodySchema>;

export const PaperBodySchema = Type.Object(
  { state: Type.Union([Type.Literal('ok'), Type.Literal('near-end'), Type.Literal('out')]) },
  { additionalProperties: false },
);
export type PaperBody = Static<typeof PaperBodySchema>;

export const CoverBodySchema = Type.Object({ open: Type.Boolean() }, { additionalProperties: false });
export type CoverBody = Static<typeof CoverBodySchema>;

export const RunOutAfterBodySchema = Type.Object({ bytes: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type RunOutAfterBody = Static<typeof RunOutAfterBodySchema>;

/** A job as the printer simulator received it: the /sim page's view plus what tests check. */
export const ControlPrintSchema = Type.Object({
  ...SimPrintSchema.properties,
  /** False when it stopped before its cut (paper ran out, cover opened, link lost). */
  complete: Type.Boolean(),
  /** Plain-text rendering (QR codes as `[QR] data`). */
  previewText: Type.String(),
});
export type ControlPrint = Static<typeof ControlPrintSchema>;

export const ControlErrorSchema = Type.Object({ code: Type.String(), message: Type.String() });

/** One timed step of a --script file: a control request, `atMs` after the process is ready. */
export const ScriptStepSchema = Type.Object(
  {
    atMs: Type.Integer({ minimum: 0 }),
    method: Type.Union([Type.Literal('GET'), Type.Literal('PUT'), Type.Literal('POST'), Type.Literal('DELETE')]),
    path: Type.String({ pattern: '^/' }),
    body: Type.Optional(Type.Unknown()),
    /** Shown in the process log when the step runs. */
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const SimulatorScriptSchema = Type.Object(
  {
    steps: Type.Array(ScriptStepSchema),
    /** Start again from the first step after the last one, this long after it. */
    repeatAfterMs: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type SimulatorScript = Static<typeof SimulatorScriptSchema>;

/** The one JSON line a simulator process prints on stdout once it serves. */
export const SimulatorReadySchema = Type.Object({
  ready: Type.Literal(true),
  device: Type.Union([Type.Literal('reader'), Type.Literal('printer'), Type.Literal('scanner')]),
  /** The device address for the agent, e.g. tcp:127.0.0.1:7500, serial:/tmp/ttyIdReader?baud=115200, evdev:/tmp/kbd. */
  address: Type.String(),
  /** Base URL of the control API, e.g. http://127.0.0.1:7600. */
  control: Type.String(),
  pid: Type.Integer(),
});
export type SimulatorReady = Static<typeof SimulatorReadySchema>;
