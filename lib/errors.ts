// Errors a service throws for the action wrapper to turn into an ActionResult.
// Codes are keys of the `errors` message namespace.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

// The record does not exist or lies outside the user's scope: both look the same to the user.
export class NotFoundError extends DomainError {
  constructor() {
    super("notFound");
    this.name = "NotFoundError";
  }
}

// A stale `version`: someone else saved the record first.
export class ConflictError extends DomainError {
  constructor() {
    super("conflict");
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}
