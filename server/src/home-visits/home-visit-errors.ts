import { ApiError } from '../errors/api-error';

/** 404: no home-visit part with this application number and part number. */
export class HomeVisitNotFoundError extends ApiError {
  constructor() {
    super('HOME_VISIT_NOT_FOUND', 404, 'No such home visit');
  }
}

/** 409: the street office's own system took the visit over; it is moved there. */
export class HomeVisitHandledExternallyError extends ApiError {
  constructor() {
    super('HOME_VISIT_HANDLED_EXTERNALLY', 409, 'The street office system handles this visit');
  }
}
