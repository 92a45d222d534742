/**
 * File names as the importer prints them and compares them. Names come from strangers' archives, so what
 * reaches a terminal or a page is escaped, and a name that "is not found" although a file is there is
 * explained by what differs (spaces, Unicode normalisation, letter case).
 */

// C0 controls, DEL, C1 controls (U+009B is an 8-bit escape some terminals obey), zero-width and bidirectional
// controls (they reorder or hide text), line and paragraph separators, the byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The name with every control or invisible character written as an escape: "\x1b[31mred.jpg". */
export function printable(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A whole message, escaped as names are but keeping its line breaks (messages list problems one a line):
 * paths inside a message come from the file system or an archive, so they may hold escape codes too.
 */
export function printableMessage(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** The error with its message made printable (see printableMessage); the error itself is kept (its class, its report). */
export function withPrintableMessage<E>(error: E): E {
  if (!(error instanceof Error)) return error;
  const message = printableMessage(error.message);
  // defineProperty, because a DOMException's message is a getter that plain assignment cannot replace.
  if (message !== error.message) Object.defineProperty(error, 'message', { value: message, configurable: true, writable: true });
  return error;
}

/** `"name"`, escaped for printing. */
export function quoted(text: string): string {
  return `"${printable(text)}"`;
}

/** A name that can be stored in the payload and named in its manifest: no folders, no controls. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\u0000-\u001f\u007f]/.test(name);
}

/** How a difference names its two sides: the name asked for (by default, in the CSV) and the one found. */
export interface NameSides {
  wanted: string;
  found: string;
}
const CSV_AND_FILE: NameSides = { wanted: 'the CSV', found: 'the file name' };

/**
 * Why `file` is probably the file `wanted` means, when the two are not equal: "differs by a leading space",
 * "differs by an invisible character (…)", "is the same text in another Unicode normalisation (…)", "differs only
 * in letter case". Undefined when unrelated.
 */
function describeNameDifference(wanted: string, file: string, sides: NameSides = CSV_AND_FILE): string | undefined {
  if (wanted === file) return undefined;
  const spaces = spaceDifference(wanted, file);
  if (spaces) return `differs by ${spaces}`;
  const invisible = invisibleDifference(wanted, file, sides);
  if (invisible) return `differs by ${invisible}`;
  if (wanted.normalize('NFC') === file.normalize('NFC')) {
    return `is the same text in another Unicode normalisation (${normalisationDetail(wanted, file, sides)}): rename one of them`;
  }
  if (wanted.toLowerCase() === file.toLowerCase()) return 'differs only in letter case (names are case-sensitive here)';
  if (wanted.trim().normalize('NFC').toLowerCase() === file.trim().normalize('NFC').toLowerCase()) return 'differs in spaces, Unicode normalisation or letter case';
  return undefined;
}

/** The first of `files` that `wanted` probably means, with what differs. */
export function findNearName(wanted: string, files: Iterable<string>, sides: NameSides = CSV_AND_FILE): { name: string; difference: string } | undefined {
  for (const name of files) {
    const difference = describeNameDifference(wanted, name, sides);
    if (difference) return { name, difference };
  }
  return undefined;
}

function spaceDifference(wanted: string, file: string): string | undefined {
  if (wanted.trim() !== file.trim()) return undefined;
  const leading = (text: string) => text.length - text.trimStart().length;
  const trailing = (text: string) => text.length - text.trimEnd().length;
  const parts: string[] = [];
  if (leading(wanted) !== leading(file)) parts.push(Math.abs(leading(wanted) - leading(file)) === 1 ? 'a leading space' : 'leading spaces');
  if (trailing(wanted) !== trailing(file)) parts.push(Math.abs(trailing(wanted) - trailing(file)) === 1 ? 'a trailing space' : 'trailing spaces');
  return parts.join(' and ') || 'the kind of white space at its ends';
}

/** "an invisible character (the CSV has U+200B)", when the names are equal once invisible characters are dropped. */
function invisibleDifference(wanted: string, file: string, sides: NameSides): string | undefined {
  const visible = (text: string) => text.replace(INVISIBLE, '');
  if (visible(wanted) !== visible(file)) return undefined;
  const codes = (text: string) => [...new Set(text.match(INVISIBLE) ?? [])].map(codePoint).join(', ');
  const which = [codes(wanted) && `${sides.wanted} has ${codes(wanted)}`, codes(file) && `${sides.found} has ${codes(file)}`].filter(Boolean);
  const count = (wanted.match(INVISIBLE) ?? []).length + (file.match(INVISIBLE) ?? []).length;
  return `${count === 1 ? 'an invisible character' : 'invisible characters'} (${which.join('; ')})`;
}

/** "the CSV has é as U+00E9, the file name as e + U+0301", for the first character written two ways. */
function normalisationDetail(csvName: string, fileName: string, sides: NameSides): string {
  for (const char of csvName.normalize('NFC')) {
    const parts = [...char.normalize('NFD')];
    if (parts.length < 2) continue;
    const spell = (text: string) => (text.includes(char) ? codePoint(char) : parts.map((part, i) => (i === 0 && part < '\u0080' ? part : codePoint(part))).join(' + '));
    return `${sides.wanted} has ${char} as ${spell(csvName)}, ${sides.found} as ${spell(fileName)}`;
  }
  return 'NFC against NFD';
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
