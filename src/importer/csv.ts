/**
 * A small RFC 4180 CSV reader for dataset label files: UTF-8 BOM, LF/CRLF/CR line ends, quoted fields
 * (with "" escapes and line breaks inside quotes). Blank lines are skipped. Fields are returned as written.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts, for error messages. */
  line: number;
  fields: string[];
}

/** Parses CSV text; `source` (usually the file path) names the file in errors. */
export function parseCsv(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  // False until the record has any character, so that blank lines do not become records.
  let recordStarted = false;

  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < text.length) {
    const char = text[position];
    if (!recordStarted) recordLine = line;

    if (char === '\r' || char === '\n') {
      if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
      fields = [];
      field = '';
      atFieldStart = true;
      recordStarted = false;
      position += char === '\r' && text[position + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }

    recordStarted = true;
    if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      position++;
    } else if (char === '"' && atFieldStart) {
      const end = readQuoted(text, position, source, line);
      field = end.value;
      line += end.lineBreaks;
      position = end.position;
      atFieldStart = false;
      const next = text[position];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`${source} line ${line}: unexpected ${JSON.stringify(next)} after a closing quote (a quote inside a quoted field must be doubled)`);
      }
    } else {
      // A quote that does not start a field (a"b) is kept as text, as spreadsheets do.
      field += char;
      atFieldStart = false;
      position++;
    }
  }
  if (recordStarted) records.push({ line: recordLine, fields: [...fields, field] });
  return records;
}

/** Reads a quoted field starting at the opening quote; returns its value and the position after the closing quote. */
function readQuoted(text: string, openingQuote: number, source: string, line: number): { value: string; position: number; lineBreaks: number } {
  let value = '';
  let lineBreaks = 0;
  let position = openingQuote + 1;
  for (;;) {
    if (position >= text.length) throw new Error(`${source} line ${line}: a quoted field is never closed`);
    const char = text[position];
    if (char === '"') {
      if (text[position + 1] !== '"') return { value, position: position + 1, lineBreaks };
      value += '"';
      position += 2;
      continue;
    }
    if (char === '\n' || (char === '\r' && text[position + 1] !== '\n')) lineBreaks++;
    value += char;
    position++;
  }
}
