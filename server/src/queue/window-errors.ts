import { ApiError } from '../errors/api-error';

/** The typed errors of /api/v1/window; each code has its message in the i18n catalogue. */

export class StaffCentreForbiddenError extends ApiError {
  constructor() {
    super('STAFF_CENTRE_FORBIDDEN', 403, 'This staff account belongs to another centre');
  }
}

export class CounterNotFoundError extends ApiError {
  constructor(number: number) {
    super('COUNTER_NOT_FOUND', 404, `No counter ${number} in this centre`);
  }
}

export class CounterHeldByOtherError extends ApiError {
  constructor(number: number) {
    super('COUNTER_HELD_BY_OTHER', 409, `Counter ${number} is open for another staff member`);
  }
}

export class CounterNotOpenError extends ApiError {
  constructor(number: number) {
    super('COUNTER_NOT_OPEN', 409, `Counter ${number} is paused or closed`);
  }
}

export class CurrentTicketOpenError extends ApiError {
  constructor(ticketNo: string) {
    super('CURRENT_TICKET_OPEN', 409, `Ticket ${ticketNo} is still being served: finish it or mark it a no-show first`);
  }
}

export class NoCurrentTicketError extends ApiError {
  constructor() {
    super('NO_CURRENT_TICKET', 409, 'This counter has no current ticket');
  }
}

export class QueueEmptyError extends ApiError {
  constructor() {
    super('QUEUE_EMPTY', 409, 'No ticket waits for this counter');
  }
}

export class TransferTargetRequiredError extends ApiError {
  constructor() {
    super('TRANSFER_TARGET_REQUIRED', 400, 'Give exactly one of toCategory and toCounter', [{ path: '/', message: 'exactly one of toCategory, toCounter' }]);
  }
}

export class TransferToSameCounterError extends ApiError {
  constructor() {
    super('TRANSFER_TO_SAME_COUNTER', 400, 'A ticket cannot be transferred to the counter that has it', [{ path: '/toCounter', message: 'is this counter' }]);
  }
}

export class TransferTargetClosedError extends ApiError {
  constructor(number: number) {
    super('TRANSFER_TARGET_CLOSED', 409, `Counter ${number} is closed`);
  }
}

export class TicketNotCalledError extends ApiError {
  constructor() {
    super('TICKET_NOT_CALLED', 409, 'Holder details are shown only for a ticket being served');
  }
}

export class TicketHolderUnknownError extends ApiError {
  constructor() {
    super('TICKET_HOLDER_UNKNOWN', 404, 'The ticket was taken without an ID card, or its holder is not in the registry');
  }
}
