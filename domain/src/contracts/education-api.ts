import { Type, type Static } from 'typebox';

/**
 * 老年教育: the institutions of the district (senior universities, community schools), their
 * courses of the current term with seats left, and the subjects a part-time teacher may offer.
 * Public reference data, no personal data.
 *
 *   GET /api/v1/education/courses → EducationCatalogue
 *
 * Enrolling and registering as a teacher are applications (POST /api/v1/applications with
 * serviceKey 'senior-education', service-applications.ts).
 */

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const EducationInstitutionSchema = Type.Object({
  id: Type.String(),
  name: Localized,
  /** Where it is, in words (street and number), for the course card. */
  address: Localized,
  kind: Type.Union([Type.Literal('senior-university'), Type.Literal('community-school')]),
});
export type EducationInstitution = Static<typeof EducationInstitutionSchema>;

export const EducationCourseSchema = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  title: Localized,
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  /** Local Shanghai time, HH:MM. */
  startsAt: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  endsAt: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  term: Localized,
  capacity: Type.Integer({ minimum: 1 }),
  /** Capacity less the enrolments still standing (not rejected). */
  seatsLeft: Type.Integer({ minimum: 0 }),
});
export type EducationCourse = Static<typeof EducationCourseSchema>;

export const TeacherSubjectSchema = Type.Object({ key: Type.String(), name: Localized });
export type TeacherSubject = Static<typeof TeacherSubjectSchema>;

export const EducationCatalogueSchema = Type.Object({
  institutions: Type.Array(EducationInstitutionSchema),
  /** Ordered by institution, weekday and start time. */
  courses: Type.Array(EducationCourseSchema),
  subjects: Type.Array(TeacherSubjectSchema),
});
export type EducationCatalogue = Static<typeof EducationCatalogueSchema>;
