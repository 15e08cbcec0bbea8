import { ApiError } from '../errors/api-error';

/** 404: no home-visit part with this application number and part number. */
export class HomeVisitNotFoundError extends ApiError {
  constructor() {
    super('HOME_VISIT_NOT_FOUND', 404, 'No such home visit');
  }
}
