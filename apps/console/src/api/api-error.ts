/** RFC 9457 problem details, as every tradehub API error arrives. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
  requestId?: string;
}

/**
 * A failed API call: the problem's status, stable `code`, human `detail` and the first input
 * `field` it names (a JSON path such as `trackingNumber`), so a form can show it beside that field.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field: string | undefined;
  readonly errors: { field: string; message: string }[];
  readonly requestId: string | undefined;

  constructor(status: number, problem: Problem) {
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = problem.status ?? status;
    this.code = problem.code ?? `HTTP_${status}`;
    this.detail = detail;
    this.errors = problem.errors ?? [];
    this.field = this.errors[0]?.field;
    this.requestId = problem.requestId;
  }

  /** The message for one field, when the problem names it. */
  messageFor(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}
