import { describe, expect, it } from 'vitest';
import { configFlags, configFromFlags, parseFlags, renderFlags, renderOverrides, sourceFlags } from '../../generator/cli/args.ts';
import { tempProject } from '../helpers/project.ts';

/** Each command's flags become config overrides only where they mean the same thing. */
describe('flags as config overrides', () => {
  it('--strict and --typecheck of generate and check make drift an error and force the type-check', async () => {
    const project = tempProject();
    try {
      const { values } = parseFlags(['--strict', '--typecheck'], renderFlags, 'generate');
      const config = await configFromFlags(values, project.dir, renderOverrides(values));
      expect([config.templates.strict, config.typecheck]).toStrictEqual([true, true]);
    } finally {
      project.remove();
    }
  });

  it("sync's --strict is about overlays: it leaves the templates' strictness alone", async () => {
    const project = tempProject();
    try {
      const { values } = parseFlags(['--from', 'u.yaml', '--strict'], { ...configFlags, ...sourceFlags }, 'sync');
      const config = await configFromFlags(values, project.dir);
      expect([config.templates.strict, config.typecheck]).toStrictEqual([false, false]);
    } finally {
      project.remove();
    }
  });
});
