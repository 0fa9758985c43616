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
