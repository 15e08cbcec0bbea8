import { Type, type Static } from 'typebox';
import { PartKindSchema, PartStatusSchema } from '../applications/part-status';
import { ApplicationStatusSchema } from './server-api';

/**
 * 一体管理: the progress of every part of a person's applications, in plain words with the date
 * something should happen next (counted in working days). Nothing personal beyond the masked
 * name: no ID number, no answers, no officer names.
 */
const LocalizedSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const DateSchema = Type.String({ format: 'date' });

/** What should happen next to a part (progress.next.<step> says it in words). */
export const ProgressStepSchema = Type.Union([
  Type.Literal('acceptance'), // 受理
  Type.Literal('decision'), // 审核结果
  Type.Literal('visit'), // 上门（评估或上门办）
  Type.Literal('result'), // 评估结果
  Type.Literal('notice'), // 评估公示
  Type.Literal('report'), // 评估报告
]);
export type ProgressStep = Static<typeof ProgressStepSchema>;

export const ProgressHistoryEntrySchema = Type.Object({
  /** Shanghai date of the change. */
  on: DateSchema,
  status: PartStatusSchema,
});
export type ProgressHistoryEntry = Static<typeof ProgressHistoryEntrySchema>;

export const ProgressPartSchema = Type.Object({
  partNo: Type.Integer({ minimum: 1 }),
  serviceKey: Type.String(),
  serviceName: LocalizedSchema,
  department: Type.String(),
  departmentName: LocalizedSchema,
  kind: PartKindSchema,
  status: PartStatusSchema,
  /** The state in words an 85-year-old understands, e.g. 已受理，等待上门评估. */
  words: LocalizedSchema,
  /** What should happen next, and by when (null when nothing is expected of the department). */
  nextStep: Type.Union([ProgressStepSchema, Type.Null()]),
  expectedBy: Type.Union([DateSchema, Type.Null()]),
  /** The expected date has passed and the part has not moved. */
  late: Type.Boolean(),
  /** True once the part is final (approved, rejected, report delivered, completed). */
  done: Type.Boolean(),
  history: Type.Array(ProgressHistoryEntrySchema),
});
export type ProgressPart = Static<typeof ProgressPartSchema>;

export const ApplicationProgressSchema = Type.Object({
  applicationNo: Type.String({ pattern: '^YL\\d{14}$' }),
  serviceKey: Type.String(),
  serviceName: LocalizedSchema,
  status: ApplicationStatusSchema,
  /** Shanghai date the application was submitted. */
  submittedOn: DateSchema,
  applicantNameMasked: Type.String(),
  parts: Type.Array(ProgressPartSchema),
});
export type ApplicationProgress = Static<typeof ApplicationProgressSchema>;

export const ProgressRequestSchema = Type.Object({ identifyToken: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type ProgressRequest = Static<typeof ProgressRequestSchema>;

export const ProgressResponseSchema = Type.Object({
  /** The Shanghai date the expected dates and late flags were worked out for. */
  asOf: DateSchema,
  /** Newest first; the person's own applications (as the principal), none when there are none. */
  applications: Type.Array(ApplicationProgressSchema),
});
export type ProgressResponse = Static<typeof ProgressResponseSchema>;

/** The code printed as the receipt's QR: YL… number, '-', 10 check characters (see receipt-code.ts). */
export const ReceiptCodeParamsSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
});
export type ReceiptCodeParams = Static<typeof ReceiptCodeParamsSchema>;
