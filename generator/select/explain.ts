import type { Closure, ComponentKey, Reason } from './closure.ts';

/** One step of a chain: `to` is kept because the reference at `at` (inside `from`) points to it. */
export interface ChainStep {
  readonly from: string;
  readonly to: ComponentKey;
  readonly at: string;
}

/**
 * Why a component is in the subset: the chain of references from a selected operation to it,
 * operation first. The closure is computed breadth-first, so this is a shortest chain.
 * Undefined when the component is not kept.
 */
export function explainComponent(closure: Closure, key: ComponentKey): ChainStep[] | undefined {
  if (!closure.reachedBy.has(key)) return undefined;
  const steps: ChainStep[] = [];
  const seen = new Set<string>();
  let current: ComponentKey = key;
  let reason: Reason | undefined = closure.reachedBy.get(current);
  while (reason && !seen.has(current)) {
    seen.add(current);
    steps.unshift({ from: reason.from, to: current, at: reason.at });
    if (!closure.reachedBy.has(reason.from as ComponentKey)) break;
    current = reason.from as ComponentKey;
    reason = closure.reachedBy.get(current);
  }
  return steps;
}
