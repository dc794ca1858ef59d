/**
 * openapi-typescript (7.13) finds a document's discriminators (`scanDiscriminators`, which the
 * types stage calls on every subset) by walking every node of the document twice with its `walk`,
 * which gives each node a new copy of its path (`path.concat(key)`): GitHub's `--all` spent about
 * 0.15 s of the types worker there, and as much again collecting the copies. Both of
 * `scanDiscriminators`' callbacks read the path at once (`createRef(path)`) and keep nothing of it.
 *
 * This edit adds `walkOnePath`, the same walk over one path array that grows and shrinks as it
 * goes, and has `scanDiscriminators` call it: the same nodes in the same order, each with the same
 * path while its callback runs. The exported `walk` stays as it is (a caller of it may keep its
 * paths). The new function goes on the line of `walk`'s head, so the line count stays and stack
 * traces keep their line numbers. A text written otherwise (another version) is returned as it is.
 */
export function scanWithOnePath(text: string): string {
  const calls = text.split(SCAN_CALL).length - 1;
  if (calls !== 2 || !text.includes(WALK)) return text;
  return text.replaceAll(SCAN_CALL, SCAN_CALL.replace('walk(', 'walkOnePath(')).replace(WALK_HEAD, `${WALK_ONE_PATH} ${WALK_HEAD}`);
}

/** The two calls of `walk` in `scanDiscriminators`, as 7.13 has them. */
const SCAN_CALL = '  walk(schema, (obj, path) => {';

const WALK_HEAD = 'function walk(obj, cb, path = []) {';

/** `walk` as 7.13 has it. */
const WALK = `${WALK_HEAD}
  if (!obj || typeof obj !== "object") {
    return;
  }
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      walk(obj[i], cb, path.concat(i));
    }
    return;
  }
  cb(obj, path);
  for (const k of Object.keys(obj)) {
    walk(obj[k], cb, path.concat(k));
  }
}`;

/** `walk` over one path, on one line. */
const WALK_ONE_PATH = 'function walkOnePath(obj, cb, path = []) { if (!obj || typeof obj !== "object") return; if (Array.isArray(obj)) { for (let i = 0; i < obj.length; i++) { path.push(i); walkOnePath(obj[i], cb, path); path.pop(); } return; } cb(obj, path); for (const k of Object.keys(obj)) { path.push(k); walkOnePath(obj[k], cb, path); path.pop(); } }';
