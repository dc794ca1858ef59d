/**
 * Splits any string into words for identifiers: separators are anything but ASCII letters and
 * digits, plus camelCase and ACRONYMWord boundaries. `create-realtime-session` -> create,
 * realtime, session; `HTTPServer2Go` -> HTTP, Server2, Go. Non-ASCII letters are kept as words
 * too (identifiers may contain them), other characters are separators.
 */
export function splitWords(text: string): string[] {
  return text
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `create-realtime-session` -> `CreateRealtimeSession`; an ALLCAPS word becomes `Allcaps`. */
export function pascalCase(text: string): string {
  return splitWords(text)
    .map((word) => capitalize(word === word.toUpperCase() ? word.toLowerCase() : word))
    .join('');
}

/** `create-realtime-session` -> `createRealtimeSession`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
