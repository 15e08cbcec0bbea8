import { PrinterRoleSchema, PrinterStatusSchema } from '@eldercare/domain';
import { Type, type Static } from 'typebox';

/** One printer on the technician page: status, options, counters since start, recent errors, last printout. */
export const PrinterDiagnosticsSchema = Type.Object({
  role: PrinterRoleSchema,
  ...PrinterStatusSchema.properties,
  /** Jobs are confirmed by the GS ( H process ID echo. */
  processId: Type.Boolean(),
  columns: Type.Integer(),
  counters: Type.Object({
    jobsPrinted: Type.Integer({ minimum: 0 }),
    bytesPrinted: Type.Integer({ minimum: 0 }),
    /** Times the printer went from having paper to paper out. */
    paperOuts: Type.Integer({ minimum: 0 }),
    /** Jobs given up because the agent stopped while writing them. */
    interrupted: Type.Integer({ minimum: 0 }),
  }),
  /** Newest first, at most 10. */
  lastErrors: Type.Array(Type.Object({ code: Type.String(), at: Type.String() })),
  /** The last document printed, rendered from its bytes. */
  lastPrint: Type.Optional(
    Type.Object({ jobId: Type.String(), printedAt: Type.String(), byteLength: Type.Integer(), previewHtml: Type.String() }),
  ),
});
export type PrinterDiagnostics = Static<typeof PrinterDiagnosticsSchema>;
