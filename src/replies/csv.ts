/**
 * CSV files for a spreadsheet or a citation manager: UTF-8 with a byte-order mark, so that Excel reads
 * the Chinese as UTF-8, quoted as RFC 4180 says (every field in double quotes, a double quote doubled,
 * lines ended by CRLF).
 */
export const BYTE_ORDER_MARK = '\ufeff';
export const CSV_LINE_END = '\r\n';

export function csvRow(fields: readonly string[]): string {
  return fields.map(field => `"${field.replace(/"/g, '""')}"`).join(',');
}

/** A whole file: the byte-order mark, then every row, each ended by CRLF. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return BYTE_ORDER_MARK + rows.map(row => csvRow(row) + CSV_LINE_END).join('');
}

/** The header and as many rows, in order, as fit in maxBytes of UTF-8, and how many rows that is. */
export function csvWithin(header: readonly string[], rows: Iterable<readonly string[]>, maxBytes: number): { csv: string; rows: number } {
  const lines = [BYTE_ORDER_MARK + csvRow(header)];
  let bytes = Buffer.byteLength(lines[0]!) + CSV_LINE_END.length;
  for (const row of rows) {
    const line = csvRow(row);
    bytes += Buffer.byteLength(line) + CSV_LINE_END.length;
    if (bytes > maxBytes) break;
    lines.push(line);
  }
  return { csv: lines.join(CSV_LINE_END) + CSV_LINE_END, rows: lines.length - 1 };
}
