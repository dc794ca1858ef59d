import { keyLine, configText } from '../config/key-line.ts';
import type { ResolvedConfig } from '../config/types.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { displayPath } from '../display-path.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { ApiModel } from './types.ts';

/**
 * The config's `client.authEnv` keys that name no security scheme of the selected operations
 * (a typo, or a scheme upstream renamed): the generated client would never read that variable.
 * A warning (OM109), not an error: a narrower selection may leave a configured scheme unused.
 */
export function clientConfigWarnings(config: ResolvedConfig, model: ApiModel): Diagnostic[] {
  const known = model.securitySchemes.map((s) => s.name);
  const unknown = Object.keys(config.client.authEnv).filter((name) => !known.includes(name));
  if (unknown.length === 0) return [];
  const file = config.configFile ? displayPath(config.root, config.configFile) : undefined;
  const text = config.configFile ? configText(config.configFile) : '';
  return unknown.map((name) => {
    const suggestion = didYouMean(name, known);
    const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length > 0 ? ` (schemes: ${known.join(', ')})` : ' (the selected operations use no security scheme)';
    return warning('OM109', `client.authEnv.${name}: no security scheme of that name in the selected operations, so its variable is never read${hint}`, { ...(file === undefined ? {} : { file }), ...keyLine(text, name) });
  });
}
