import type { ParseError } from './model/network-rule';

/** The UTF-8 length of a text in bytes, as a file on disk has it, without copying the text. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a text is larger than `maxBytes` in UTF-8; cheap for texts far from the limit either way. */
export function isOverSize(text: string, maxBytes: number): boolean {
  // Each UTF-16 unit is 1 to 3 bytes (a surrogate pair is 4 for 2 units).
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return utf8Length(text) > maxBytes;
}

/** "1.5 MiB (1,572,864 bytes)": sizes in messages, readable and exact. */
export function showBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  if (bytes < 1024) return exact;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${value.toFixed(1)} ${unit} (${exact})`;
}

/** Why a file was not linted, for the CLI's stderr and the editor's one diagnostic. */
export function tooLargeMessage(bytes: number, maxBytes: number): string {
  return `The file has ${showBytes(bytes)}, more than maxFileSize (${showBytes(maxBytes)}): it was not linted. Raise maxFileSize in .portwarden.yaml to lint it.`;
}

/** The note on a document too large to lint, at its start. */
export function tooLargeNote(text: string, maxBytes: number): ParseError {
  return { message: tooLargeMessage(utf8Length(text), maxBytes), span: { start: 0, end: 0 } };
}
