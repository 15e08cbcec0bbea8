import { Type, type Static } from 'typebox';
import { PartKindSchema, PartStatusSchema } from '../applications/part-status';
import { ApplicationViewSchema } from './server-api';

/**
 * 分别办理 under /api/v1/departments: an officer works the parts of their own department
 * (staff_users.department); a supervisor may read every department's worklist and parts but
 * moves none. The worklist carries no personal data; reading one part shows the application's
 * masked view and is audited with the reason the reader gives.
 */

const LocalizedSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const IsoDate = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** The catalogue's DepartmentKey (not exported: one name per schema across the contracts). */
const Department = Type.Union([
  Type.Literal('civil-affairs'),
  Type.Literal('street-office'),
  Type.Literal('medical-insurance'),
  Type.Literal('assessment-agency'),
  Type.Literal('education'),
  Type.Literal('transport'),
  Type.Literal('sports'),
  Type.Literal('bank'),
]);

export const WORKLIST_PAGE_MAX = 100;

export const WorklistQuerySchema = Type.Object(
  {
    /** Officers: their own department (another one is refused); supervisors must name one. */
    department: Type.Optional(Department),
    /** Only parts in this status; without it, every part that can still move. */
    status: Type.Optional(PartStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: WORKLIST_PAGE_MAX, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type WorklistQuery = Static<typeof WorklistQuerySchema>;

/** One part as its department sees it: no personal data. */
export const DepartmentPartSchema = Type.Object({
  applicationNo: Type.String(),
  partNo: Type.Integer({ minimum: 1 }),
  serviceKey: Type.String(),
  serviceName: LocalizedSchema,
  department: Type.String(),
  departmentName: LocalizedSchema,
  kind: PartKindSchema,
  status: PartStatusSchema,
  submittedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  handledExternally: Type.Boolean(),
  visitDate: Type.Union([IsoDate, Type.Null()]),
  careLevel: Type.Union([Type.Integer({ minimum: 0, maximum: 6 }), Type.Null()]),
  noticeEndsOn: Type.Union([IsoDate, Type.Null()]),
  /** What canMovePart allows next (empty once final, or while an external system handles it). */
  nextStatuses: Type.Array(PartStatusSchema),
});
export type DepartmentPart = Static<typeof DepartmentPartSchema>;

export const WorklistResponseSchema = Type.Object({
  department: Department,
  departmentName: LocalizedSchema,
  /** Oldest first: the part that has waited longest in its status comes first. */
  parts: Type.Array(DepartmentPartSchema),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
});
export type WorklistResponse = Static<typeof WorklistResponseSchema>;

export const PartHistoryEntrySchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  /** A staff username, 'system', 'kiosk' or 'external:<department>'. */
  actor: Type.String(),
  fromStatus: Type.Union([PartStatusSchema, Type.Null()]),
  toStatus: PartStatusSchema,
  note: Type.Union([Type.String(), Type.Null()]),
});
export type PartHistoryEntry = Static<typeof PartHistoryEntrySchema>;

export const PartParamsSchema = Type.Object({
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
  partNo: Type.Integer({ minimum: 1, maximum: 99 }),
});
export type PartParams = Static<typeof PartParamsSchema>;

export const PART_READ_REASON_MAX = 200;

export const PartReadQuerySchema = Type.Object(
  {
    /** Why the person's data is read (审核, 回访, …): written to the audit log. */
    reason: Type.String({ minLength: 1, maxLength: PART_READ_REASON_MAX, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type PartReadQuery = Static<typeof PartReadQuerySchema>;

export const PartDetailSchema = Type.Object({
  part: DepartmentPartSchema,
  history: Type.Array(PartHistoryEntrySchema),
  /** The whole application, masked, with every part's status. */
  application: ApplicationViewSchema,
});
export type PartDetail = Static<typeof PartDetailSchema>;

export const PART_NOTE_MAX = 500;

export const PartMoveRequestSchema = Type.Object(
  {
    /** The status the officer saw: a part moved meanwhile is refused (PART_CHANGED). */
    expectedStatus: PartStatusSchema,
    to: PartStatusSchema,
    /** No personal data here: it goes to the history every reader of the part sees. */
    note: Type.Optional(Type.String({ minLength: 1, maxLength: PART_NOTE_MAX })),
    /** Needed for visit-scheduled: the day of the home visit, today or later. */
    visitDate: Type.Optional(IsoDate),
    /** Needed for assessed: the care level the assessment found (0 none … 6). */
    careLevel: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  },
  { additionalProperties: false },
);
export type PartMoveRequest = Static<typeof PartMoveRequestSchema>;

export const PartMoveResponseSchema = Type.Object({
  part: DepartmentPartSchema,
  history: Type.Array(PartHistoryEntrySchema),
  applicationStatus: Type.Union([Type.Literal('submitted'), Type.Literal('in-progress'), Type.Literal('completed')]),
  /** Parts of the same application that waited for this assessment and moved with it: report delivered → submitted, assessment rejected → rejected. */
  released: Type.Array(Type.Object({ partNo: Type.Integer({ minimum: 1 }), status: PartStatusSchema })),
});
export type PartMoveResponse = Static<typeof PartMoveResponseSchema>;
