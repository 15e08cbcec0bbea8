import { Type, type Static } from 'typebox';
import { IdCardDataSchema } from '../id-card/id-card-data';
import { ReceiptDocumentSchema } from '../receipt/receipt-document';

/**
 * The device agent's loopback API (http://127.0.0.1:<port>), used by the kiosk UI.
 * Every request carries `Authorization: Bearer <pairing token>` (the WebSocket carries
 * `?token=`); requests from an Origin other than the configured UI origins are refused.
 *
 *   GET    /v1/status            → AgentStatus
 *   POST   /v1/print             PrintRequest → PrintResult (idempotent by document.id; the job is
 *                                kept in a durable queue on disk until the printer has taken it)
 *   POST   /v1/session/release   → 204; the agent forgets the card it last read
 *   GET    /v1/events            WebSocket of AgentEvent (JSON text frames)
 * For the technician page (/tech), same token:
 *   GET    /v1/tech/diagnostics  → TechDiagnostics (status, SAM, counters, last errors, previews)
 *   POST   /v1/tech/test-read    → TechTestRead (the card on the reader, masked)
 *   POST   /v1/tech/test-print   { role } → PrintResult (a test page)
 *   GET    /v1/tech/config       → the config file's JSON; PUT validates, saves and applies it
 * Only while devices are simulated:
 *   GET    /v1/sim/cards         → SimCard[]
 *   PUT    /v1/sim/card          { key } places that demo card on the simulated reader
 *   DELETE /v1/sim/card          takes the card off
 *   GET    /v1/sim/prints        ?role=receipt|ticket (default receipt) → SimPrint[] (newest
 *                                first), each with a rendered preview
 *   PUT    /v1/sim/printers/:role/paper  { state: ok | near-end | out } → 204
 *   PUT    /v1/sim/printers/:role/cover  { open } → 204 (404 PRINTER_NOT_SIMULATED for a role
 *                                without a simulated printer)
 *   PUT    /v1/sim/reader/faults ReaderFault[] → 204; DELETE clears them
 *   POST   /v1/sim/scan          { text } scans it on the simulated scanner → 204; the result
 *                                arrives as a scan.read or scan.rejected event
 */

export const ReaderStateSchema = Type.Union([
  Type.Literal('ready'), // polling, no card
  Type.Literal('reading'),
  Type.Literal('card-present'), // read done; waiting for the card to be taken off
  Type.Literal('offline'),
  Type.Literal('fault'),
]);
export type ReaderState = Static<typeof ReaderStateSchema>;

export const PrinterStateSchema = Type.Union([
  Type.Literal('ready'),
  Type.Literal('paper-near-end'),
  Type.Literal('paper-out'),
  Type.Literal('cover-open'),
  Type.Literal('offline'),
]);
export type PrinterState = Static<typeof PrinterStateSchema>;

/** The two printers a kiosk may have: 80 mm receipts, and queue tickets (often a second unit). */
export const PrinterRoleSchema = Type.Union([Type.Literal('receipt'), Type.Literal('ticket')]);
export type PrinterRole = Static<typeof PrinterRoleSchema>;

export const ReaderStatusSchema = Type.Object({
  address: Type.String(),
  state: ReaderStateSchema,
  samId: Type.Optional(Type.String()),
  /** Result of the SAM status command (11 FF) at start-up or the last diagnostics run. */
  samHealthy: Type.Optional(Type.Boolean()),
  lastError: Type.Optional(Type.String()),
});
export type ReaderStatus = Static<typeof ReaderStatusSchema>;

export const PrinterStatusSchema = Type.Object({
  address: Type.String(),
  state: PrinterStateSchema,
  lastError: Type.Optional(Type.String()),
  /** Jobs waiting in the durable queue, the one being printed included. */
  queued: Type.Integer({ minimum: 0 }),
  /** A job is held: the printer stopped with a fault and resumes once it is cleared. */
  held: Type.Boolean(),
});
export type PrinterStatus = Static<typeof PrinterStatusSchema>;

export const ScannerStateSchema = Type.Union([Type.Literal('ready'), Type.Literal('offline')]);
export type ScannerState = Static<typeof ScannerStateSchema>;

export const ScannerStatusSchema = Type.Object({
  address: Type.String(),
  /** serial: bytes framed by an inter-byte gap; keyboard: a HID keyboard wedge. */
  mode: Type.Union([Type.Literal('serial'), Type.Literal('keyboard')]),
  state: ScannerStateSchema,
  lastError: Type.Optional(Type.String()),
});
export type ScannerStatus = Static<typeof ScannerStatusSchema>;

export const AgentStatusSchema = Type.Object({
  simulated: Type.Boolean(),
  reader: ReaderStatusSchema,
  printers: Type.Object({
    receipt: PrinterStatusSchema,
    /** Absent when the kiosk has no ticket printer configured. */
    ticket: Type.Optional(PrinterStatusSchema),
  }),
  /** Absent when the kiosk has no scanner configured. */
  scanner: Type.Optional(ScannerStatusSchema),
});
export type AgentStatus = Static<typeof AgentStatusSchema>;

/** What a scanner read, once validated (see domain/src/scan). */
export const ScanPayloadSchema = Type.Union([
  /**
   * Our own receipts' QR: an application number, e.g. YL20261122000123; receipts with a check
   * code (YL20261122000123-7KQ2M9XWHD) also give it as `receiptCode`, which shows the progress.
   */
  Type.Object({ kind: Type.Literal('application'), applicationNo: Type.String(), receiptCode: Type.Optional(Type.String()) }),
  /** Our own queue tickets' QR. */
  Type.Object({
    kind: Type.Literal('queue-ticket'),
    centreId: Type.String(),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    ticketNo: Type.String(),
  }),
  /** A 随申码-style personal code: an opaque token the server resolves; never shown or logged. */
  Type.Object({ kind: Type.Literal('suishenma'), token: Type.String() }),
]);
export type ScanPayload = Static<typeof ScanPayloadSchema>;

export const AgentEventSchema = Type.Union([
  /** A card was found on the reader; reading has started. */
  Type.Object({ type: Type.Literal('card.placed') }),
  Type.Object({ type: Type.Literal('card.read'), card: IdCardDataSchema }),
  /** The card could not be read (moved too early, damaged): ask the person to place it again. */
  Type.Object({ type: Type.Literal('card.failed'), code: Type.String() }),
  Type.Object({ type: Type.Literal('card.removed') }),
  Type.Object({ type: Type.Literal('device.status'), status: AgentStatusSchema }),
  /** A print job stopped on a printer fault (paper out, cover open …); it resumes by itself once cleared. */
  Type.Object({ type: Type.Literal('print.held'), role: PrinterRoleSchema, jobId: Type.String(), code: Type.String() }),
  Type.Object({ type: Type.Literal('print.resumed'), role: PrinterRoleSchema, jobId: Type.String() }),
  /** The printer took the whole job and reports no fault. */
  Type.Object({ type: Type.Literal('print.done'), role: PrinterRoleSchema, jobId: Type.String() }),
  Type.Object({ type: Type.Literal('scan.read'), scan: ScanPayloadSchema }),
  /** Something was scanned that is none of ours (a shop barcode, a damaged code). */
  Type.Object({ type: Type.Literal('scan.rejected'), code: Type.String() }),
]);
export type AgentEvent = Static<typeof AgentEventSchema>;

export const PrintRequestSchema = Type.Object(
  {
    role: PrinterRoleSchema,
    document: ReceiptDocumentSchema,
  },
  { additionalProperties: false },
);
export type PrintRequest = Static<typeof PrintRequestSchema>;

export const PrintResultSchema = Type.Object({
  jobId: Type.String(),
  /**
   * printed: the printer took the whole job and reports no fault. held: the job is safe in the
   * durable queue and prints by itself once the fault (code) is cleared; never resubmit it.
   * failed: the job could not be queued (e.g. no such printer configured).
   */
  state: Type.Union([Type.Literal('printed'), Type.Literal('held'), Type.Literal('failed')]),
  /** Set when held or failed: e.g. PRINTER_PAPER_OUT, PRINTER_OFFLINE. */
  code: Type.Optional(Type.String()),
});
export type PrintResult = Static<typeof PrintResultSchema>;

export const AgentErrorSchema = Type.Object({ code: Type.String(), message: Type.String() });
export type AgentError = Static<typeof AgentErrorSchema>;

export const SimCardSchema = Type.Object({
  key: Type.String(),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  age: Type.Integer(),
  note: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export type SimCard = Static<typeof SimCardSchema>;

export const SimPrintSchema = Type.Object({
  jobId: Type.String(),
  receivedAt: Type.String(),
  byteLength: Type.Integer(),
  /** The printed bytes as a self-contained HTML fragment (text lines, QR as SVG, cut marks). */
  previewHtml: Type.String(),
});
export type SimPrint = Static<typeof SimPrintSchema>;
