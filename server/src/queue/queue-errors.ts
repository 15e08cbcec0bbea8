import { ApiError } from '../errors/api-error';

/** The typed errors of /api/v1/queue; each code has its message in the i18n catalogue. */

export class CentreNotFoundError extends ApiError {
  constructor(centreId: string) {
    super('QUEUE_CENTRE_NOT_FOUND', 404, `No service centre ${centreId}`);
  }
}

export class TicketCategoryNotFoundError extends ApiError {
  constructor(centreId: string, category: string) {
    super('QUEUE_CATEGORY_NOT_FOUND', 404, `Centre ${centreId} has no ticket category ${category}`, [{ path: '/category', message: 'unknown category' }]);
  }
}

export class TicketNotFoundError extends ApiError {
  constructor() {
    super('QUEUE_TICKET_NOT_FOUND', 404, 'No such ticket');
  }
}

/** 999 tickets of one category in one day: the printed 3-digit number has no room for more. */
export class TicketNumbersExhaustedError extends ApiError {
  constructor(centreId: string, category: string, day: string) {
    super('QUEUE_TICKETS_EXHAUSTED', 409, `All 999 ticket numbers of ${centreId} ${category} on ${day} are used`);
  }
}
