import type { EducationCatalogue, EducationCourse, Localized, TeacherSubject } from '@eldercare/domain';
import type { SqlDatabase } from '../db/sql-database';

/**
 * The senior-education reference data (migration 0013) and the seats of each course. A seat is
 * held by every senior-education enrolment whose part is not rejected.
 */

interface CourseRow {
  id: string;
  institution_id: string;
  title_zh: string;
  title_en: string;
  weekday: number;
  starts_at: string;
  ends_at: string;
  term_zh: string;
  term_en: string;
  capacity: number;
  taken: number;
}

/** The enrolments of a course that still hold a seat (joined as `taken`). */
const STANDING_ENROLMENTS = `
  SELECT count(*)::int FROM applications a
  JOIN application_parts p ON p.application_id = a.id
  WHERE a.service_key = 'senior-education' AND a.answers->>'courseId' = c.id AND p.status <> 'rejected'`;

function courseView(row: CourseRow): EducationCourse {
  return {
    id: row.id,
    institutionId: row.institution_id,
    title: { zh: row.title_zh, en: row.title_en },
    weekday: row.weekday,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    term: { zh: row.term_zh, en: row.term_en },
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.taken),
  };
}

/** What an enrolment records about its course, so the receipt can name it without the database. */
export interface CourseSnapshot {
  courseId: string;
  courseTitle: Localized;
  institutionName: Localized;
  weekday: number;
  startsAt: string;
  endsAt: string;
  term: Localized;
}

export const educationCatalogue = {
  async load(db: SqlDatabase): Promise<EducationCatalogue> {
    const institutions = await db.query<{ id: string; kind: 'senior-university' | 'community-school'; name_zh: string; name_en: string; address_zh: string; address_en: string }>(
      'SELECT id, kind, name_zh, name_en, address_zh, address_en FROM education_institutions ORDER BY sort_order, id',
    );
    const courses = await db.query<CourseRow>(
      `SELECT c.id, c.institution_id, c.title_zh, c.title_en, c.weekday, c.starts_at, c.ends_at, c.term_zh, c.term_en, c.capacity,
              (${STANDING_ENROLMENTS}) AS taken
       FROM education_courses c JOIN education_institutions i ON i.id = c.institution_id
       WHERE c.open ORDER BY i.sort_order, c.weekday, c.starts_at, c.id`,
    );
    return {
      institutions: institutions.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: { zh: r.name_zh, en: r.name_en },
        address: { zh: r.address_zh, en: r.address_en },
      })),
      courses: courses.map(courseView),
      subjects: await this.subjects(db),
    };
  },

  async subjects(db: SqlDatabase): Promise<TeacherSubject[]> {
    const rows = await db.query<{ key: string; name_zh: string; name_en: string }>(
      'SELECT key, name_zh, name_en FROM education_teacher_subjects ORDER BY sort_order, key',
    );
    return rows.map((r) => ({ key: r.key, name: { zh: r.name_zh, en: r.name_en } }));
  },

  /**
   * An open course, its row locked for the transaction: two enrolments for its last seat take
   * turns, and the second counts the first.
   */
  async lockCourse(tx: SqlDatabase, courseId: string): Promise<(EducationCourse & { snapshot: CourseSnapshot }) | null> {
    const [row] = await tx.query<CourseRow & { name_zh: string; name_en: string }>(
      `SELECT c.id, c.institution_id, c.title_zh, c.title_en, c.weekday, c.starts_at, c.ends_at, c.term_zh, c.term_en, c.capacity,
              i.name_zh, i.name_en, 0 AS taken
       FROM education_courses c JOIN education_institutions i ON i.id = c.institution_id
       WHERE c.id = $1 AND c.open FOR UPDATE OF c`,
      [courseId],
    );
    if (!row) return null;
    const [{ taken }] = (await tx.query<{ taken: number }>(`SELECT (${STANDING_ENROLMENTS}) AS taken FROM education_courses c WHERE c.id = $1`, [
      courseId,
    ])) as [{ taken: number }];
    const course = courseView({ ...row, taken });
    return {
      ...course,
      snapshot: {
        courseId: course.id,
        courseTitle: course.title,
        institutionName: { zh: row.name_zh, en: row.name_en },
        weekday: course.weekday,
        startsAt: course.startsAt,
        endsAt: course.endsAt,
        term: course.term,
      },
    };
  },

  /** Whether this person holds a seat of the course already (an enrolment not rejected). */
  async isEnrolled(tx: SqlDatabase, residentId: number, courseId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM applications a JOIN application_parts p ON p.application_id = a.id
       WHERE a.resident_id = $1 AND a.service_key = 'senior-education' AND a.answers->>'courseId' = $2 AND p.status <> 'rejected' LIMIT 1`,
      [residentId, courseId],
    );
    return rows.length > 0;
  },

  /** Whether this person registered to teach the subject and was not turned down. */
  async isRegisteredTeacher(tx: SqlDatabase, residentId: number, subjectKey: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM applications a JOIN application_parts p ON p.application_id = a.id
       WHERE a.resident_id = $1 AND a.service_key = 'senior-education' AND a.answers->>'subjectKey' = $2 AND p.status <> 'rejected' LIMIT 1`,
      [residentId, subjectKey],
    );
    return rows.length > 0;
  },
};
