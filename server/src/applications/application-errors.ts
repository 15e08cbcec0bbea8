import { ApiError, type ErrorDetail } from '../errors/api-error';

/**
 * Errors of the services' appliers, one class per stable code; people read the message of
 * `error.<CODE>` from the i18n catalogue (areas/applications.ts).
 */

/** 422: the kiosk offered something whose server side is not there (yet). */
export class ServiceNotAvailableError extends ApiError {
  constructor(serviceKey: string) {
    super('SERVICE_NOT_AVAILABLE', 422, `Service ${serviceKey} cannot be applied for here`);
  }
}

export class ProxySamePersonError extends ApiError {
  constructor() {
    super('PROXY_SAME_PERSON', 400, 'The proxy and the senior are the same person', [
      { path: '/proxy/identifyToken', message: 'stands for the senior themself' },
    ]);
  }
}

export class JointFormMismatchError extends ApiError {
  constructor(details: ErrorDetail[]) {
    super('JOINT_FORM_MISMATCH', 400, 'The form sections do not match the chosen services', details);
  }
}

export class JointNeedsAssessmentError extends ApiError {
  constructor(serviceKeys: string[]) {
    super(
      'JOINT_NEEDS_ASSESSMENT',
      400,
      `${serviceKeys.join(', ')} need a care level: choose ltc-assessment too`,
      serviceKeys.map((key) => ({ path: '/answers/services', message: `${key} needs ltc-assessment in the same application` })),
    );
  }
}

/** 422 rather than 403: the request is well-formed, the declared reason does not hold. */
export class HomeVisitNotEligibleError extends ApiError {
  constructor(age: number) {
    super('HOME_VISIT_NOT_ELIGIBLE', 422, `Reason age-80-plus needs age 80 or over (is ${age})`, [
      { path: '/answers/reason', message: `age-80-plus needs age 80 or over, the senior is ${age}` },
    ]);
  }
}

export class HomeVisitUnknownServiceError extends ApiError {
  constructor(keys: string[]) {
    super(
      'HOME_VISIT_UNKNOWN_SERVICE',
      400,
      `Not catalogue services: ${keys.join(', ')}`,
      keys.map((key) => ({ path: '/answers/services', message: `${key} is not a catalogue service` })),
    );
  }
}

export class BankCardInvalidError extends ApiError {
  constructor(path: string) {
    super('BANK_CARD_INVALID', 400, 'The bank card number fails the Luhn check', [{ path, message: 'fails the Luhn check digit' }]);
  }
}

export class MealAssistancePendingError extends ApiError {
  constructor() {
    super('MEAL_ASSISTANCE_PENDING', 409, 'A meal assistance application is still being handled');
  }
}

export class MealChangeEmptyError extends ApiError {
  constructor() {
    super('MEAL_CHANGE_EMPTY', 400, 'Neither a new address nor a new bank card', [
      { path: '/answers', message: 'needs newAddress or newBankCardNo' },
    ]);
  }
}

export class StreetNotInDistrictError extends ApiError {
  constructor(streetKey: string) {
    super('STREET_NOT_IN_DISTRICT', 400, `Street ${streetKey} is not in the district's list`, [
      { path: '/answers/newAddress/streetKey', message: 'not a street of the district' },
    ]);
  }
}

export class VoucherAlreadyClaimedError extends ApiError {
  constructor(year: string) {
    super('VOUCHER_ALREADY_CLAIMED', 409, `The sports voucher of ${year} was already claimed`);
  }
}
