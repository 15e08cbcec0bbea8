import { ApiError } from '../errors/api-error';

/** 409: canMovePart refuses this move from the part's current status. */
export class PartMoveRefusedError extends ApiError {
  constructor(from: string, to: string) {
    super('PART_MOVE_REFUSED', 409, `A part cannot move from ${from} to ${to}`);
  }
}

/** 409: the part is no longer in the status the sender saw. */
export class PartStatusChangedError extends ApiError {
  constructor(expected: string, actual: string) {
    super('PART_STATUS_CHANGED', 409, `The part is ${actual}, not ${expected}`);
  }
}

/** 400: a move that needs a fact (visit date, care level) without it, or a date in the past. */
export class PartMoveFactInvalidError extends ApiError {
  constructor(path: string, message: string) {
    super('PART_MOVE_FACT_INVALID', 400, message, [{ path, message }]);
  }
}
