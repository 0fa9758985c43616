/**
 * CSV files for a spreadsheet or a citation manager: UTF-8 with a byte-order mark, so that Excel reads
 * the Chinese as UTF-8, quoted as RFC 4180 says (every field in double quotes, a double quote doubled,
 * lines ended by CRLF).
 */
const BYTE_ORDER_MARK = '\ufeff';

export function csvRow(fields: readonly string[]): string {
  return fields.map(field => `"${field.replace(/"/g, '""')}"`).join(',');
}

/** The header and as many rows, in order, as fit in maxBytes of UTF-8, and how many rows that is. */
export function csvWithin(header: readonly string[], rows: Iterable<readonly string[]>, maxBytes: number): { csv: string; rows: number } {
  const lines = [BYTE_ORDER_MARK + csvRow(header)];
  let bytes = Buffer.byteLength(lines[0]!) + 2;
  for (const row of rows) {
    const line = csvRow(row);
    bytes += Buffer.byteLength(line) + 2;
    if (bytes > maxBytes) break;
    lines.push(line);
  }
  return { csv: lines.join('\r\n') + '\r\n', rows: lines.length - 1 };
}
