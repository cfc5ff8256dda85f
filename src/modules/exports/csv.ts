/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field is quoted when it holds a comma, a quote, CR or LF, and quotes
 * inside are doubled), with one addition for spreadsheets: a text cell that begins with `=`, `+`, `-`, `@`, tab or CR
 * would be run as a formula by Excel, LibreOffice or Google Sheets (CSV injection), so it is written with a leading `'`.
 * Numbers are written as numbers and never neutralised: `-3` stays a number.
 */

/**
 * What a cell holds: text, a number, a yes/no (`true`/`false`), a list of texts (tags: a JSON array in CSV, an array in
 * JSON Lines), or nothing (an empty cell).
 */
export type Cell = string | number | boolean | readonly string[] | null;

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** True when a spreadsheet would read the text as a formula. */
function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  // = + - @ tab CR
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

/** One field, quoted and neutralised as needed. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'string') return csvField(value.length === 0 ? null : JSON.stringify(value));
  const text = looksLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** One record, without its line end: the fields joined by commas. */
export function csvLine(values: readonly Cell[]): string {
  // One join allocates the line once, where `+=` per field would leave a chain of partial strings to collect.
  const fields = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) fields[i] = csvField(values[i]!);
  return fields.join(',');
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly Cell[]): string {
  return `${csvLine(values)}\r\n`;
}

/**
 * Reads CSV as `csvRecord` writes it (RFC 4180, CRLF or LF line ends) into rows of text fields. The counterpart of
 * the writer, for tests and for re-reading an export; a neutralised cell keeps its leading `'`.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '') {
      // A quoted field: runs to the quote that is not doubled.
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('CSV: a quoted field is not closed');
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new Error(`CSV: unexpected ${JSON.stringify(next)} after a quoted field`);
      }
      continue;
    }
    if (char === ',') endField();
    else if (char === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (char === '\n') endRow();
    else field += char;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
