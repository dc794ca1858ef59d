import { LINE_BREAKS } from './unsafe-text.ts';

/** Text for inside a template literal: backslashes, backticks and `${` cannot end or escape it. */
export function templateLiteralText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(LINE_BREAKS, (br) => (br === '\r\n' ? '\\r\\n' : br === '\r' ? '\\r' : `\\u${br.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
