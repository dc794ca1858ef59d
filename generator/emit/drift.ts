import { error, warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { toolkit } from '../toolkit.ts';
import type { LoadedTemplate } from './load-templates.ts';

/** How an ejected team template stands against the default it was copied from. */
export type DriftState =
  | { readonly state: 'current' }
  | { readonly state: 'changed'; readonly recorded: string; readonly current: string }
  | { readonly state: 'removed' }
  | { readonly state: 'unreadable' };

/** undefined for a team template without an eject record (written by the team: nothing to drift from). */
export function driftState(team: LoadedTemplate, defaults: readonly LoadedTemplate[]): DriftState | undefined {
  const record = team.ejected;
  if (!record) return undefined;
  if ('malformed' in record) return { state: 'unreadable' };
  const base = defaults.find((d) => d.template.name === record.template);
  if (!base) return { state: 'removed' };
  return base.sha256 === record.sha256 ? { state: 'current' } : { state: 'changed', recorded: record.sha256, current: base.sha256 };
}

/**
 * Override drift: the default that an ejected template replaced has changed since it was ejected
 * (its sha256 differs from the eject record's), so the team's copy misses whatever the upgrade
 * changed. A warning naming the template, or an error under `--strict` / `templates.strict`.
 */
export function overrideDrift(defaults: readonly LoadedTemplate[], team: readonly LoadedTemplate[], strict: boolean): Diagnostic[] {
  const report = strict ? error : warning;
  const diagnostics: Diagnostic[] = [];
  for (const loaded of team) {
    const drift = driftState(loaded, defaults);
    const record = loaded.ejected;
    if (!drift || !record || drift.state === 'current') continue;
    const location = { file: loaded.file, line: record.line };
    if (drift.state === 'unreadable' || 'malformed' in record) {
      diagnostics.push(report('OM506', `team template "${loaded.template.name}" has an eject record that cannot be read (expected "template=<name> toolkit=<version> sha256=<64 hex>"), so override drift cannot be detected`, location));
      continue;
    }
    const from = `the default template "${record.template}" it was ejected from (openapi-morph ${record.toolkit})`;
    if (drift.state === 'removed') {
      diagnostics.push(report('OM505', `team template "${loaded.template.name}": ${from} no longer exists in openapi-morph ${toolkit.version}; remove the eject record once you have checked the template still does what you need`, location));
      continue;
    }
    diagnostics.push(
      report(
        'OM505',
        `team template "${loaded.template.name}" overrides a default that has changed since it was ejected: ${from} had sha256 ${drift.recorded.slice(0, 12)}…, openapi-morph ${toolkit.version}'s has ${drift.current.slice(0, 12)}…. Compare your copy with the new default (\`openapi-morph templates eject ${record.template} --to <scratch folder>\`), carry over what you need, then set sha256=${drift.current} in the eject record`,
        location,
      ),
    );
  }
  return diagnostics;
}
