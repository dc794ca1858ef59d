import { readFileSync } from 'node:fs';

/** A config file's text, or '' when it cannot be read (a message is then located by file only). */
export function configText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The line of the config where a key is written (`outptu:` or `"outptu":`), when it is found once or more. */
export function keyLine(text: string, key: string): { line?: number } {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[\\s{,])["']?${escaped}["']?\\s*:`, 'm').exec(text);
  return match ? { line: text.slice(0, match.index + match[1]!.length).split('\n').length } : {};
}
