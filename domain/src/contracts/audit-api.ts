import { Type, type Static } from 'typebox';

/**
 * The audit log (staff_audit) for supervisors under /api/v1/admin: logins and logouts, ticket
 * holder reads at the window, and person reads (officers' part views, 上门办). Who, when, why,
 * which ticket or application part — never a person's data; a username that looks like an ID
 * number (typed into the login by mistake) is masked.
 *
 *   GET /admin/audit?from&to&username&event&page&pageSize  → AuditLogPage (newest first)
 *   GET /admin/audit.csv?from&to&username&event&lang        → text/csv (UTF-8 with BOM, at most AUDIT_CSV_MAX_ROWS rows)
 */

export const AuditEventSchema = Type.Union([
  Type.Literal('login_ok'),
  Type.Literal('login_failed'),
  Type.Literal('login_throttled'),
  Type.Literal('logout'),
  Type.Literal('holder_read'),
  Type.Literal('person_read'),
]);
export type AuditEvent = Static<typeof AuditEventSchema>;
export const AUDIT_EVENTS: readonly AuditEvent[] = ['login_ok', 'login_failed', 'login_throttled', 'logout', 'holder_read', 'person_read'];

export const AUDIT_PAGE_SIZE_MAX = 200;
export const AUDIT_CSV_MAX_ROWS = 50_000;

const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Shanghai, inclusive' });

export const AuditQuerySchema = Type.Object(
  {
    from: Type.Optional(DateSchema),
    to: Type.Optional(DateSchema),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    event: Type.Optional(AuditEventSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_SIZE_MAX })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;

export const AuditCsvQuerySchema = Type.Object(
  {
    ...AuditQuerySchema.properties,
    /** A link cannot set Accept-Language: the page passes its own language. */
    lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type AuditCsvQuery = Static<typeof AuditCsvQuerySchema>;

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  event: AuditEventSchema,
  username: Type.String(),
  /** The account's display name, when the username is an account. */
  displayName: Nullable(Type.String()),
  role: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  /** Why the data was read (holder_read, person_read). */
  reason: Nullable(Type.String()),
  /** holder_read: the ticket number read at the window. */
  ticketNo: Nullable(Type.String()),
  /** person_read: the application and part read. */
  applicationNo: Nullable(Type.String()),
  partNo: Nullable(Type.Integer()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditLogPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
});
export type AuditLogPage = Static<typeof AuditLogPageSchema>;
