/**
 * CSV as RFC 4180 writes it: a field holding the delimiter, a quote, CR or LF is quoted (quotes
 * doubled) and every record ends in CRLF. Files start with a UTF-8 BOM, which is how Excel tells
 * UTF-8 from the system's code page (without it Chinese text opens garbled).
 */
export function csvBlob(rows: readonly (readonly string[])[]): Blob {
  const text = rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Records of a CSV text (BOM already removed). Lenient where spreadsheet programs are: CRLF, LF or
 * CR line ends, a quote inside an unquoted field taken as text, and the delimiter of the header
 * line, since Excel in many locales writes `;` (or a tab) instead of `,`.
 */
export function parseCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (fieldStarted || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The commonest of `,` `;` and tab outside quotes on the first line; `,` when none is there. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\r' || c === '\n')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}
