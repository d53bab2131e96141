// Oz API error envelope {error_code, error_message, details} and its HTTP mapping.
export const OzErrorCode = {
  unknown: 0,
  notAllowed: 1,
  notRealized: 2,
  invalidStructure: 3,
  invalidValue: 4,
  invalidType: 5,
  authNotProvided: 6,
  authInvalid: 7,
  authExpired: 8,
  authForbidden: 9,
  notExist: 10,
} as const;

export type OzErrorCodeValue = (typeof OzErrorCode)[keyof typeof OzErrorCode];

const defaultStatus: Readonly<Record<OzErrorCodeValue, number>> = {
  0: 500,
  1: 405,
  2: 501,
  3: 400,
  4: 400,
  5: 400,
  6: 401,
  7: 401,
  8: 401,
  9: 403,
  10: 404,
};

export interface OzErrorBody {
  readonly error_code: OzErrorCodeValue;
  readonly error_message: string;
  readonly details: unknown;
}

export class OzError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: OzErrorCodeValue,
    message: string,
    readonly details: unknown = null,
    httpStatus?: number,
  ) {
    super(message);
    this.name = 'OzError';
    this.httpStatus = httpStatus ?? defaultStatus[code];
  }

  toBody(): OzErrorBody {
    return { error_code: this.code, error_message: this.message, details: this.details };
  }
}

export const notFound = (what: string): OzError =>
  new OzError(OzErrorCode.notExist, `${what} does not exist`);

export const forbidden = (message: string): OzError =>
  new OzError(OzErrorCode.authForbidden, message);
