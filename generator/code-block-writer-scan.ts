/**
 * code-block-writer (13.0, the writer ts-morph prints every structure through) follows whether the
 * text written so far ends in a string, a comment or a regular expression: for every string written,
 * its `_updateInternalState` visits each character, and skips at once those its set
 * `isCharToHandle` does not hold (`\`, `/`, line breaks, `*`, quotes, backticks, braces), which
 * change nothing. GitHub's `--all` writes 7.0 MB through it (114,663 strings), and the visits were
 * about 85 ms of the main thread; this edit makes the loop go from one character of the set to the
 * next (a regular expression's search) instead, about 30 ms for the same strings, the state after
 * each string the same (a replay of that run's strings).
 *
 * The loop's body reads the characters before the one it handles by their index in the string, and
 * ends each step with `continue` or by falling through, never moving the index itself, so it sees
 * the same characters at the same indexes, and does the same. The search is built from the module's
 * own set when it loads (`nextHandled`, appended after the module's text: the lines before keep
 * their numbers). A text whose loop is not written so (another version) is returned as it is.
 */
export function handledCharacterJumps(text: string): string {
  const edited = text.replace(LOOP, (_, indent: string) => `_updateInternalState(str) {\n${indent}for (let i = ${NEXT}(str, 0); i < str.length; i = ${NEXT}(str, i + 1)) {`);
  return edited === text || !SET.test(text) ? text : `${edited}\n${SEARCH}`;
}

/** The method's first line and its loop over every index, as 13.0 has them, the body starting with the set's check. */
const LOOP = /_updateInternalState\(str\) \{\n( +)for \(let i = 0; i < str\.length; i\+\+\) \{(?=\n +const currentChar = str\.charCodeAt\(i\);\n(?: +\/\/[^\n]*\n)* +if \(!isCharToHandle\.has\(currentChar\)\) \{\n +continue;)/;

/** The set the search is built from, declared at the module's top level. */
const SET = /^const isCharToHandle = new Set\(\[$/m;

const NEXT = 'openapiMorphNextHandled';

/** The index of the next character in `isCharToHandle` from `from`, else the string's length; the set's members as `\uXXXX` in one class. */
const SEARCH = `const openapiMorphHandled = new RegExp(\`[\${[...isCharToHandle].map((code) => "\\\\u" + code.toString(16).padStart(4, "0")).join("")}]\`, "g");
function ${NEXT}(str, from) {
    openapiMorphHandled.lastIndex = from;
    return openapiMorphHandled.test(str) ? openapiMorphHandled.lastIndex - 1 : str.length;
}
`;
