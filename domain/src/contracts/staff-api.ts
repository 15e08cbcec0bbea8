import { Type, type Static } from 'typebox';

/**
 * Staff accounts and sessions under /api/v1/staff (window, admin and technician pages). The
 * session travels in an HttpOnly cookie, never in a body.
 */

export const STAFF_ROLES = ['staff', 'supervisor', 'technician', 'officer'] as const;
export const StaffRoleSchema = Type.Union([Type.Literal('staff'), Type.Literal('supervisor'), Type.Literal('technician'), Type.Literal('officer')]);
export type StaffRole = Static<typeof StaffRoleSchema>;

/** Passwords shorter than this are refused (STAFF_PASSWORD_TOO_SHORT). */
export const STAFF_PASSWORD_MIN_LENGTH = 10;

export const StaffUsernameSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' });

export const StaffLoginRequestSchema = Type.Object(
  {
    username: StaffUsernameSchema,
    /** Upper bound only: the length rule is checked when a password is set, not at login. */
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type StaffLoginRequest = Static<typeof StaffLoginRequestSchema>;

export const StaffUserViewSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: StaffRoleSchema,
  /** The community service centre; null for officers, who work across centres. */
  centreId: Type.Union([Type.String(), Type.Null()]),
});
export type StaffUserView = Static<typeof StaffUserViewSchema>;

export const StaffSessionResponseSchema = Type.Object({ user: StaffUserViewSchema });
export type StaffSessionResponse = Static<typeof StaffSessionResponseSchema>;
