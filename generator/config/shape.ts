import { isObject } from '../json.ts';
import { defaultLimits } from '../load/limits.ts';
import { defaultNaming } from '../naming/resolver.ts';
import { didYouMean } from '../did-you-mean.ts';

/** A config object's known keys: `true` for a value checked elsewhere, a nested shape for an object. */
type Shape = { readonly [key: string]: true | Shape };

const keys = (object: object): Shape => Object.fromEntries(Object.keys(object).map((k) => [k, true]));

/** Every key `UserConfig` has (`generator/config/types.ts`), for the run-time check of configs that were not type-checked. */
export const CONFIG_SHAPE: Shape = {
  spec: true,
  select: true,
  output: { dir: true, preserve: true, banner: true, format: true },
  package: { name: true, description: true, license: true, apiKeyEnv: true, releases: true },
  overlays: true,
  templates: { dir: true, strict: true },
  typecheck: true,
  naming: keys(defaultNaming),
  limits: keys(defaultLimits),
  refs: { external: true, allowHosts: true },
  client: { authEnv: true, browserKeyPrefixes: true, retryCountHeader: true, idempotencyHeader: true, headersInBrowser: true },
};

/** A select object's keys (`select: 'all'` is the other form). */
const SELECT_SHAPE: Shape = { include: true, exclude: true };

export interface ShapeProblem {
  /** `output.outptu` */
  readonly path: string;
  /** An unknown key (else: not an object where one belongs). */
  readonly unknown: boolean;
  readonly message: string;
}

/**
 * Unknown keys (with the closest known one) and objects where an object belongs, at every level,
 * all at once. Values themselves are checked where they are resolved.
 */
export function checkShape(config: Record<string, unknown>): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const walk = (value: Record<string, unknown>, shape: Shape, prefix: string) => {
    for (const [key, inner] of Object.entries(value)) {
      const path = `${prefix}${key}`;
      const expected = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (expected === undefined) {
        const suggestion = didYouMean(key, Object.keys(shape));
        problems.push({ path, unknown: true, message: `unknown key${suggestion ? `; did you mean "${suggestion}"?` : ''} (known: ${Object.keys(shape).join(', ')})` });
      } else if (expected !== true && inner !== undefined) {
        if (!isObject(inner)) problems.push({ path, unknown: false, message: `must be an object with ${Object.keys(expected).join(', ')}` });
        else walk(inner, expected, `${path}.`);
      } else if (key === 'select' && prefix === '' && isObject(inner)) {
        walk(inner, SELECT_SHAPE, 'select.');
      }
    }
  };
  walk(config, CONFIG_SHAPE, '');
  return problems;
}
