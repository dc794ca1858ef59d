import { MorphError, type Diagnostic } from './diagnostic.ts';

/**
 * Where a stage collects the problems it finds, so that it reports all of them at once. The one
 * rule for when to throw: at a stage boundary (`throwIfErrors`), when at least one error was
 * collected; the MorphError then carries every problem collected, warnings included. Warnings alone
 * never throw: the stage hands them on (`list`) for the CLI to print.
 */
export class DiagnosticCollector {
  readonly #found: Diagnostic[] = [];

  add(...diagnostics: readonly Diagnostic[]): void {
    this.#found.push(...diagnostics);
  }

  /** Every problem collected, in the order found. */
  get list(): readonly Diagnostic[] {
    return this.#found;
  }

  hasErrors(): boolean {
    return this.#found.some((d) => d.severity === 'error');
  }

  throwIfErrors(): void {
    if (this.hasErrors()) throw new MorphError([...this.#found]);
  }
}
