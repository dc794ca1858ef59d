/**
 * ts-morph (28.0) prints a list of structures separated by commas (a variable statement's
 * declarations, parameters, type parameters) through `printTextWithSeparator`, which, after printing
 * each one, copies its text out of the writer character by character and scans it with TypeScript's
 * scanner to learn where a comma would go, then inserts a comma after every one but the last that
 * has such a place. A list of one structure gets no comma, so for it both the copy and the scan are
 * thrown away: GitHub's `--all` spent about 0.2 s of the main thread so on its variable statements,
 * each of one declaration whose initializer is the whole scan.
 *
 * This edit prints a list of one structure on its own: the same text (the copy and the scan only
 * read; they change neither the writer nor anything else). The line count stays, so stack traces
 * keep their line numbers. A text whose function is written otherwise (another version) is returned
 * as it is.
 */
export function singleStructureUnscanned(text: string): string {
  return text.replace(BRANCH, (_, head: string, indent: string) => `${head}${indent}else if (structures.length === 1) printer.printText(writer, structures[0]); else {`);
}

/** The function's head as 28.0 has it, up to the `else {` whose block computes the commas' places. */
const BRANCH = /(function printTextWithSeparator\(printer, writer, structures, separator\) \{\n +if \(structures == null\)\n +return;\n +if \(structures instanceof Function \|\| typeof structures === "string"\)\n +printer\.printText\(writer, structures\);\n)( +)else \{(?=\n +const commaAppendPositions = new Array\(structures\.length\);)/;
