import { ApiError } from '../errors/api-error';

/** The typed errors of /api/v1/departments; each code has its message in the i18n catalogue. */

export class OfficerWithoutDepartmentError extends ApiError {
  constructor() {
    super('OFFICER_WITHOUT_DEPARTMENT', 403, 'This officer account belongs to no department (staff_users.department)');
  }
}

export class DepartmentNotYoursError extends ApiError {
  constructor() {
    super('DEPARTMENT_NOT_YOURS', 403, 'Officers see only their own department’s worklist');
  }
}

export class DepartmentRequiredError extends ApiError {
  constructor() {
    super('DEPARTMENT_REQUIRED', 400, 'Name the department whose worklist to read');
  }
}

export class PartNotFoundError extends ApiError {
  constructor() {
    super('PART_NOT_FOUND', 404, 'No such part of an application');
  }
}

export class PartNotYoursError extends ApiError {
  constructor() {
    super('PART_NOT_YOURS', 403, 'This part belongs to another department');
  }
}

export class PartChangedError extends ApiError {
  constructor(readonly currentStatus: string) {
    super('PART_CHANGED', 409, `The part was moved meanwhile; it is now ${currentStatus}`);
  }
}

export class PartMoveNotAllowedError extends ApiError {
  constructor(from: string, to: string) {
    super('PART_MOVE_NOT_ALLOWED', 409, `A part of this kind cannot move from ${from} to ${to}`);
  }
}

export class PartHandledExternallyError extends ApiError {
  constructor() {
    super('PART_HANDLED_EXTERNALLY', 409, 'An external department system handles this part');
  }
}

export class VisitDateRequiredError extends ApiError {
  constructor() {
    super('VISIT_DATE_REQUIRED', 400, 'Scheduling a visit needs visitDate');
  }
}

export class VisitDateInPastError extends ApiError {
  constructor() {
    super('VISIT_DATE_IN_PAST', 400, 'The visit date is before today');
  }
}

export class CareLevelRequiredError extends ApiError {
  constructor() {
    super('CARE_LEVEL_REQUIRED', 400, 'An assessment needs careLevel (0–6)');
  }
}

export class MoveFieldUnexpectedError extends ApiError {
  constructor(field: string) {
    super('MOVE_FIELD_UNEXPECTED', 400, `${field} belongs to another move`, [{ path: `/${field}`, message: 'not expected for this move' }]);
  }
}

export class NoticePeriodRunningError extends ApiError {
  constructor(endsOn: string) {
    super('NOTICE_PERIOD_RUNNING', 409, `The public notice period runs until ${endsOn}`);
  }
}
