import { Type, type Static } from 'typebox';
import { AgentStatusSchema, PrinterRoleSchema, PrinterStatusSchema, ReaderStatusSchema, ScannerStatusSchema } from './agent-api';

/**
 * The technician routes of the device agent (see agent-api.ts for the list). Same token and
 * Origin rules as the kiosk routes. Personal data only ever masked.
 */

export const TechErrorEntrySchema = Type.Object({ code: Type.String(), at: Type.String() });

export const TechPrinterSchema = Type.Object({
  role: PrinterRoleSchema,
  ...PrinterStatusSchema.properties,
  /** Jobs are confirmed by the GS ( H process ID echo. */
  processId: Type.Boolean(),
  /** Characters per line of the paper (80 mm: 48, 58 mm: 32). */
  columns: Type.Integer(),
  /** Counters since the agent started. (Named, not a record: Type.Record drags most of TypeBox into the kiosk bundle.) */
  counters: Type.Object({
    jobsPrinted: Type.Integer({ minimum: 0 }),
    bytesPrinted: Type.Integer({ minimum: 0 }),
    /** Times the printer went from having paper to paper out. */
    paperOuts: Type.Integer({ minimum: 0 }),
    /** Jobs given up because the agent stopped while writing them. */
    interrupted: Type.Integer({ minimum: 0 }),
  }),
  /** Newest first, at most 10. */
  lastErrors: Type.Array(TechErrorEntrySchema),
  /** The last document printed, rendered from its bytes as an HTML fragment. */
  lastPrint: Type.Optional(Type.Object({ jobId: Type.String(), printedAt: Type.String(), byteLength: Type.Integer(), previewHtml: Type.String() })),
});
export type TechPrinter = Static<typeof TechPrinterSchema>;

export const ConfigIssueSchema = Type.Object({
  /** Dotted key, e.g. printers.receipt.address; empty for the file as a whole. */
  path: Type.String(),
  /** What is expected, and what was found. */
  message: Type.String(),
});
export type ConfigIssue = Static<typeof ConfigIssueSchema>;

/** What the last (re)load of the config did. */
export const ConfigReloadSchema = Type.Object({
  at: Type.String(),
  source: Type.Union([Type.Literal('file'), Type.Literal('signal'), Type.Literal('api')]),
  ok: Type.Boolean(),
  /** Parts reopened, e.g. reader, printers.receipt. */
  reopened: Type.Array(Type.String()),
  /** Keys changed that only take effect after a restart, e.g. api.port. */
  restartNeeded: Type.Array(Type.String()),
  /** Why the new config was refused (the running one stays). */
  issues: Type.Array(ConfigIssueSchema),
});
export type ConfigReload = Static<typeof ConfigReloadSchema>;

export const TechDiagnosticsSchema = Type.Object({
  status: AgentStatusSchema,
  reader: Type.Object({
    ...ReaderStatusSchema.properties,
    /** The SAM checks run for this request (reset, status, SAM id). */
    diagnosis: Type.Object({ samId: Type.Optional(Type.String()), samHealthy: Type.Boolean(), error: Type.Optional(Type.String()) }),
  }),
  printers: Type.Object({ receipt: TechPrinterSchema, ticket: Type.Optional(TechPrinterSchema) }),
  scanner: Type.Optional(ScannerStatusSchema),
  config: Type.Object({
    /** The config file the agent watches; absent when it runs from flags only. */
    path: Type.Optional(Type.String()),
    lastReload: Type.Optional(ConfigReloadSchema),
  }),
});
export type TechDiagnostics = Static<typeof TechDiagnosticsSchema>;

export const TechTestReadRequestSchema = Type.Object(
  { timeoutMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 30_000 })) },
  { additionalProperties: false },
);

/** A card as a technician may see it: name, ID number and address masked, no birth date. */
export const MaskedCardSchema = Type.Object({
  cardType: Type.String(),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  addressMasked: Type.String(),
  issuingAuthority: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  hasExtraAddress: Type.Boolean(),
  photoBytes: Type.Integer(),
});
export type MaskedCard = Static<typeof MaskedCardSchema>;

export const TechTestReadSchema = Type.Object({
  samId: Type.Optional(Type.String()),
  samHealthy: Type.Boolean(),
  /** The card on the reader, masked; absent when none came in time (code says why). */
  card: Type.Optional(MaskedCardSchema),
  code: Type.Optional(Type.String()),
});
export type TechTestRead = Static<typeof TechTestReadSchema>;

export const TechTestPrintRequestSchema = Type.Object({ role: PrinterRoleSchema }, { additionalProperties: false });

export const TechConfigSchema = Type.Object({
  path: Type.Optional(Type.String()),
  /** The file as saved; without a file, the running config as JSON. */
  text: Type.String(),
  lastReload: Type.Optional(ConfigReloadSchema),
});
export type TechConfig = Static<typeof TechConfigSchema>;

export const TechConfigPutSchema = Type.Object({ text: Type.String({ maxLength: 64 * 1024 }) }, { additionalProperties: false });

export const TechConfigResultSchema = Type.Object({
  /** False when the agent runs without a config file: applied until it restarts. */
  saved: Type.Boolean(),
  reload: ConfigReloadSchema,
});
export type TechConfigResult = Static<typeof TechConfigResultSchema>;

/** 400 from PUT /v1/tech/config: every bad key named. */
export const TechConfigErrorSchema = Type.Object({ code: Type.String(), message: Type.String(), issues: Type.Array(ConfigIssueSchema) });
export type TechConfigError = Static<typeof TechConfigErrorSchema>;
