/**
 * A line for each output file edited by hand that a run replaces (`edited`, generate.ts): a run
 * never replaces an edit silently (a review lost one that only \`check\` would have named).
 */
export function replacedEdits(outputName: string, edited: readonly string[], dryRun = false): string[] {
  return edited.map((path) => `${dryRun ? 'would replace' : 'replaced'}: ${outputName}/${path} (edited since openapi-morph wrote it; make the change in the spec, the config or a template)`);
}
