import type { Messages } from '../i18n/messages';

/** The columns an import cannot do without. */
export type RequiredColumn = 'orderId' | 'carrier' | 'trackingNumber';

/** Why a whole file cannot be imported; shown as an alert in place of a preview. */
export type FileProblem =
  | { code: 'wrongType' }
  | { code: 'unreadable' }
  | { code: 'noHeader'; missing: RequiredColumn[] }
  | { code: 'duplicateColumn'; name: string }
  | { code: 'noRows' }
  | { code: 'tooManyRows'; count: number; max: number };

export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code);
    this.name = 'ImportFileError';
  }
}

/** Why one row fails: found in the browser before any request, or the server's answer for it. */
export type RowProblem =
  | { code: 'missing'; field: RequiredColumn }
  | { code: 'badOrderId' }
  | { code: 'badCarrier' }
  | { code: 'trackingTooLong' }
  | { code: 'badLines' }
  | { code: 'duplicateTracking'; rows: number[] }
  | { code: 'server'; detail: string }
  | { code: 'noAnswer' }
  | { code: 'unexpected' };

export function fileProblemText(problem: FileProblem, t: Messages): string {
  switch (problem.code) {
    case 'wrongType':
      return t.importWrongType;
    case 'unreadable':
      return t.importUnreadable;
    case 'noHeader':
      return t.importNoHeader(problem.missing.map((column) => t.sheetColumns[column]));
    case 'duplicateColumn':
      return t.importDuplicateColumn(problem.name);
    case 'noRows':
      return t.importNoRows;
    case 'tooManyRows':
      return t.importTooManyRows(problem.count, problem.max);
  }
}

export function rowProblemText(problem: RowProblem, t: Messages): string {
  switch (problem.code) {
    case 'missing':
      return t.rowMissing[problem.field];
    case 'badOrderId':
      return t.rowBadOrderId;
    case 'badCarrier':
      return t.rowBadCarrier;
    case 'trackingTooLong':
      return t.rowTrackingTooLong;
    case 'badLines':
      return t.rowBadLines;
    case 'duplicateTracking':
      return t.rowDuplicateTracking(problem.rows);
    case 'server':
      return problem.detail;
    case 'noAnswer':
      return t.rowNoAnswer;
    case 'unexpected':
      return t.unexpectedError;
  }
}
