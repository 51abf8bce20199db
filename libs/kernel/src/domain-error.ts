/**
 * The kinds of failure the domain can name. The HTTP edge maps each kind to one status, so
 * no domain code knows about HTTP.
 */
export type DomainErrorKind =
  'validation' | 'not_found' | 'conflict' | 'rule_violation' | 'unauthorized' | 'forbidden' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** A stable machine-readable code, e.g. `ORDER_NOT_FOUND`. */
  abstract readonly code: string;

  constructor(
    message: string,
    /** The offending input field as a JSON path (`lines[0].quantity`), when one is to blame. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  readonly code = 'VALIDATION_FAILED';
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}

/** A well-formed request the rules refuse (422): shipping a cancelled order, and so on. */
export class RuleViolation extends DomainError {
  readonly kind = 'rule_violation' as const;
  constructor(
    readonly code: string,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}

/** A dependency (the database, another context) cannot answer now; the same request may succeed later (503). */
export class ServiceUnavailable extends DomainError {
  readonly kind = 'unavailable' as const;
  constructor(
    readonly code: string,
    message: string,
    /** Seconds after which a retry makes sense. */
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/** A domain error that crossed a process boundary (a remote call): same kind, code, message and field. */
export class RemoteDomainError extends DomainError {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    field?: string,
  ) {
    super(message, field);
  }
}
