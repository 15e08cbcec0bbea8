import { ApiError } from '../errors/api-error';

/** Errors of 老年教育; people read `error.<CODE>` from the i18n catalogue (areas/education-taxi.ts). */

export class CourseNotFoundError extends ApiError {
  constructor(courseId: string) {
    super('COURSE_NOT_FOUND', 400, `No open course ${courseId}`, [{ path: '/answers/courseId', message: 'not an open course' }]);
  }
}

/** 409: every seat of the course is taken by an enrolment still standing. */
export class CourseFullError extends ApiError {
  constructor(courseId: string) {
    super('COURSE_FULL', 409, `Course ${courseId} has no seats left`);
  }
}

export class AlreadyEnrolledError extends ApiError {
  constructor(courseId: string) {
    super('ALREADY_ENROLLED', 409, `Already enrolled in course ${courseId}`);
  }
}

export class TeacherSubjectNotFoundError extends ApiError {
  constructor(subjectKey: string) {
    super('TEACHER_SUBJECT_NOT_FOUND', 400, `No teaching subject ${subjectKey}`, [{ path: '/answers/subjectKey', message: 'not a teaching subject' }]);
  }
}

export class TeacherAlreadyRegisteredError extends ApiError {
  constructor(subjectKey: string) {
    super('TEACHER_ALREADY_REGISTERED', 409, `Already registered to teach ${subjectKey}`);
  }
}
