import { defineTemplate, type ReleaseChange } from 'openapi-morph';

const SECTIONS: readonly [ReleaseChange['severity'], string][] = [
  ['breaking', 'Breaking changes'],
  ['non-breaking', 'Non-breaking changes'],
  ['docs', 'Documentation'],
];

export default defineTemplate({
  apiVersion: 1,
  name: 'changelog',
  description: 'CHANGELOG.md: one entry per release in the release history, changes grouped by severity',
  scope: 'document',
  render(ctx) {
    const { md } = ctx;
    // No release history (package.releases is opt-in): no changelog to tell.
    if (ctx.options.package.releases.length === 0) return undefined;
    const lines = ['# Changelog', ''];
    for (const release of ctx.options.package.releases) {
      lines.push(`## ${md.text(release.version)} (${md.text(release.date)})`, '', md.text(release.summary), '');
      // The default summaries name the source already ("Spec updated from <source>: ...").
      if (!release.summary.includes(release.source)) lines.push(`Spec source: ${md.code(release.source)}`, '');
      for (const [severity, title] of SECTIONS) {
        const changes = release.changes.filter((c) => c.severity === severity);
        if (changes.length === 0) continue;
        lines.push(`### ${title}`, '', ...changes.map((c) => `- ${c.operation ? `${md.code(c.operation)}: ` : ''}${md.cell(c.message)}`), '');
      }
    }
    return { kind: 'text', path: 'CHANGELOG.md', content: lines.join('\n') };
  },
});
