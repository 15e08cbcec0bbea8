import { translate, type Localized, type MessageKey } from '@eldercare/domain';
import { educationCatalogue, type CourseSnapshot } from '../../education/education-catalogue';
import {
  AlreadyEnrolledError,
  CourseFullError,
  CourseNotFoundError,
  TeacherAlreadyRegisteredError,
  TeacherSubjectNotFoundError,
} from '../../education/education-errors';
import { line, words, type DetailLine } from '../details';
import type { ApplierFor } from '../service-applier';

/** A message with placeholders, in both languages; each placeholder a Localized value. */
function wordsWith(key: MessageKey, params: Record<string, Localized>): Localized {
  const pick = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v[lang]]));
  return { zh: translate('zh-CN', key, pick('zh')), en: translate('en', key, pick('en')) };
}

function scheduleOf(course: Pick<CourseSnapshot, 'weekday' | 'startsAt' | 'endsAt'>): Localized {
  const same = (value: string): Localized => ({ zh: value, en: value });
  return wordsWith('education.schedule', {
    weekday: words(`education.weekday.${course.weekday}` as MessageKey),
    startsAt: same(course.startsAt),
    endsAt: same(course.endsAt),
  });
}

/**
 * 老年教育: enrol in a course (a seat is checked and taken in the application's transaction, one
 * enrolment per person and course) or register as a part-time teacher of a subject. The
 * institution confirms either: the education part is a review.
 */
export const seniorEducationApplier: ApplierFor<'senior-education'> = {
  async apply(request, { tx, resident }) {
    const { answers } = request;
    const part = { serviceKey: 'senior-education', department: 'education', kind: 'review', status: 'submitted' } as const;
    if (answers.mode === 'enrol') {
      // Locked first: enrolments of the same course take turns from here on.
      const course = await educationCatalogue.lockCourse(tx, answers.courseId);
      if (!course) throw new CourseNotFoundError(answers.courseId);
      // The resident row is locked too, so the same person's second try sees the first.
      if (await educationCatalogue.isEnrolled(tx, resident.id, course.id)) throw new AlreadyEnrolledError(course.id);
      if (course.seatsLeft <= 0) throw new CourseFullError(course.id);
      return {
        status: 'submitted',
        answers: { mode: 'enrol', courseId: course.id },
        phone: answers.phone,
        mailingAddress: null,
        // The course as it was when enrolling, for the receipt and the progress view.
        result: { ...course.snapshot },
        parts: [part],
      };
    }
    const subject = (await educationCatalogue.subjects(tx)).find((s) => s.key === answers.subjectKey);
    if (!subject) throw new TeacherSubjectNotFoundError(answers.subjectKey);
    if (await educationCatalogue.isRegisteredTeacher(tx, resident.id, subject.key)) throw new TeacherAlreadyRegisteredError(subject.key);
    return {
      status: 'submitted',
      answers: { mode: 'teacher', subjectKey: subject.key },
      phone: answers.phone,
      mailingAddress: null,
      result: { subjectKey: subject.key, subjectName: subject.name },
      parts: [part],
    };
  },

  describe({ answers, result }) {
    if (answers.mode === 'teacher') {
      return [
        line('education.details.mode', words('education.details.mode.teacher')),
        line('education.details.subject', result.subjectName as Localized),
      ];
    }
    const course = result as unknown as CourseSnapshot;
    const lines: DetailLine[] = [
      line('education.details.mode', words('education.details.mode.enrol')),
      line('education.details.institution', course.institutionName),
      line('education.details.course', course.courseTitle),
      line('education.details.schedule', scheduleOf(course)),
      line('education.details.term', course.term),
    ];
    return lines;
  },
};
