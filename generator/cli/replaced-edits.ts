/**
 * A line for each output file edited by hand that a run replaces or removes (`edited`, generate.ts;
 * `removed`: the files it removes): a run never replaces an edit silently (a review lost one that
 * only \`check\` would have named).
 */
export function replacedEdits(outputName: string, edited: readonly string[], removed: readonly string[], dryRun = false): string[] {
  return edited.map((path) => {
    const verb = removed.includes(path) ? (dryRun ? 'would remove' : 'removed') : dryRun ? 'would replace' : 'replaced';
    return `${verb}: ${outputName}/${path} (edited since openapi-morph wrote it; make the change in the spec, the config or a template)`;
  });
}
