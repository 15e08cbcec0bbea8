import { Type, type Static } from 'typebox';
import { PartStatusSchema } from '../applications/part-status';
import { HomeVisitReasonSchema } from './service-applications';

/**
 * 上门办 for the centre's staff and supervisor under /api/v1/admin: the home-visit parts
 * (street-office) to schedule and make. The list carries no person data; opening one visit shows
 * the person masked and is audited (person_read) with the reason given.
 *
 *   GET  /admin/home-visits?status=open|scheduled|done|all        → HomeVisitList (oldest first)
 *   GET  /admin/home-visits/:applicationNo/:partNo?reason=…       → HomeVisitDetail (audited)
 *   POST /admin/home-visits/:applicationNo/:partNo/moves  HomeVisitMoveRequest → HomeVisitMoved
 */

export const HomeVisitFilterSchema = Type.Union([Type.Literal('open'), Type.Literal('scheduled'), Type.Literal('done'), Type.Literal('all')]);
export type HomeVisitFilter = Static<typeof HomeVisitFilterSchema>;

export const HomeVisitListQuerySchema = Type.Object(
  {
    /** open (default): submitted or scheduled; scheduled; done: completed or rejected; all. */
    status: Type.Optional(HomeVisitFilterSchema),
  },
  { additionalProperties: false },
);
export type HomeVisitListQuery = Static<typeof HomeVisitListQuerySchema>;

export const HomeVisitParamsSchema = Type.Object({
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
  partNo: Type.Integer({ minimum: 1, maximum: 99 }),
});
export type HomeVisitParams = Static<typeof HomeVisitParamsSchema>;

export const HOME_VISIT_REASON_MAX = 200;

export const HomeVisitReadQuerySchema = Type.Object(
  {
    /** Why the person's data is read (安排上门, 电话确认, …): written to the audit log. */
    reason: Type.String({ minLength: 1, maxLength: HOME_VISIT_REASON_MAX, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type HomeVisitReadQuery = Static<typeof HomeVisitReadQuerySchema>;

export const HomeVisitPeriodSchema = Type.Union([Type.Literal('morning'), Type.Literal('afternoon')]);

export const HomeVisitSummarySchema = Type.Object({
  applicationNo: Type.String(),
  partNo: Type.Integer(),
  status: PartStatusSchema,
  reason: HomeVisitReasonSchema,
  period: HomeVisitPeriodSchema,
  /** Catalogue service keys to handle at the visit. */
  services: Type.Array(Type.String()),
  visitDate: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.String({ format: 'date-time' }),
  /** The street office's own system took the visit over: it is scheduled there, not here. */
  handledExternally: Type.Boolean(),
  /** Statuses the visit may move to now (empty when handled externally or final). */
  nextStatuses: Type.Array(PartStatusSchema),
});
export type HomeVisitSummary = Static<typeof HomeVisitSummarySchema>;

export const HomeVisitListSchema = Type.Object({ visits: Type.Array(HomeVisitSummarySchema) });
export type HomeVisitList = Static<typeof HomeVisitListSchema>;

export const HomeVisitHistoryEntrySchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  from: Type.Union([PartStatusSchema, Type.Null()]),
  to: PartStatusSchema,
  note: Type.Union([Type.String(), Type.Null()]),
});

export const HomeVisitDetailSchema = Type.Object({
  visit: HomeVisitSummarySchema,
  /** Masked: 张*, 138****5678, 上海市长宁区天山路***弄**号. */
  person: Type.Object({
    name: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    address: Type.String(),
    /** Set when a proxy (代办) applied: their masked name and relationship. */
    proxyName: Type.Union([Type.String(), Type.Null()]),
    proxyRelationship: Type.Union([Type.String(), Type.Null()]),
  }),
  history: Type.Array(HomeVisitHistoryEntrySchema),
});
export type HomeVisitDetail = Static<typeof HomeVisitDetailSchema>;

export const HomeVisitMoveRequestSchema = Type.Object(
  {
    to: Type.Union([Type.Literal('visit-scheduled'), Type.Literal('completed'), Type.Literal('rejected')]),
    /** The status the page showed: a colleague's move in between is 409 PART_CHANGED. */
    from: PartStatusSchema,
    /** Required for visit-scheduled: today or later (Shanghai). */
    visitDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    /** Without personal data. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type HomeVisitMoveRequest = Static<typeof HomeVisitMoveRequestSchema>;

/** After a move: the visit and its history (no person data, so the answer is not a read to audit). */
export const HomeVisitMovedSchema = Type.Object({
  visit: HomeVisitSummarySchema,
  history: Type.Array(HomeVisitHistoryEntrySchema),
});
export type HomeVisitMoved = Static<typeof HomeVisitMovedSchema>;
