/**
 * code-block-writer (13.0, the writer ts-morph prints every structure through) is compiled with
 * TypeScript's define semantics for class fields: its constructor declares each of its 15 fields
 * with `Object.defineProperty(this, name, { enumerable, configurable, writable, value })`. V8 makes
 * such an object far slower to build and to read than one whose fields are assigned: printing
 * GitHub's API classes constructs a writer for every member and runs its per-character state
 * update on each, about 1.4 s of the threads' samples in a profile of its `--all`. A writer built
 * and written to with assignments instead took a quarter of the time (one writer a line of a 495 KB
 * class and 60,000 small ones: 82-140 ms against 382-525 ms).
 *
 * This edit of the module's text turns each such call on `this` into the assignment
 * `this.name = value;`, which gives the object the same own, enumerable, writable and configurable
 * property where the class declares no accessor of that name (an assignment would call it; a name
 * with one keeps its call). The line count stays, so stack traces keep their line numbers. A text
 * without such calls (another version) is returned as it is.
 */
export function fieldsAsAssignments(text: string): string {
  return text.replace(FIELD, (call: string, name: string, value: string) => (assignmentDiffers(text, name) ? call : `this.${name} = ${value};${'\n'.repeat(call.split('\n').length - 1)}`));
}

/**
 * `Object.defineProperty(this, "name", { enumerable: true, configurable: true, writable: true, value: ... });`
 * over lines, as TypeScript emits a field, with a value of one line and no brace or semicolon (13.0's
 * are `void 0`, literals and `[]`: a value such as `new A({})` could hold the `});` that ends the call).
 */
const FIELD = /Object\.defineProperty\(this, "([A-Za-z_$][\w$]*)", \{\s*enumerable: true,\s*configurable: true,\s*writable: true,\s*value: ([^\n{};]*?)\s*\}\);/g;

/** Whether an assignment would do other than define the field: the class has an accessor named `name`, or the name is `__proto__` (whose assignment sets the prototype). */
function assignmentDiffers(text: string, name: string): boolean {
  return name === '__proto__' || new RegExp(`\\b[gs]et ${name.replace(/\$/g, '\\$')}\\s*\\(`).test(text);
}
