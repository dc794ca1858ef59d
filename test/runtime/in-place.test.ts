/**
 * The runtime tested where it lives: the client and fault suites run again, with every module of
 * the generated package's runtime replaced by its source in templates/runtime/files/, so that the
 * package's API classes (generated/src) run on the template runtime a team edits. The suites
 * themselves also run as they are, against the built package (dist/).
 */
import { vi } from 'vitest';

vi.mock('../../generated/src/runtime/errors.ts', () => import('../../templates/runtime/files/errors.ts'));
vi.mock('../../generated/src/runtime/redact.ts', () => import('../../templates/runtime/files/redact.ts'));
vi.mock('../../generated/src/runtime/retry.ts', () => import('../../templates/runtime/files/retry.ts'));
vi.mock('../../generated/src/runtime/idempotency.ts', () => import('../../templates/runtime/files/idempotency.ts'));
vi.mock('../../generated/src/runtime/abort.ts', () => import('../../templates/runtime/files/abort.ts'));
vi.mock('../../generated/src/runtime/auth.ts', () => import('../../templates/runtime/files/auth.ts'));
vi.mock('../../generated/src/runtime/schemes.ts', () => import('../../templates/runtime/files/schemes.ts'));
vi.mock('../../generated/src/runtime/browser.ts', () => import('../../templates/runtime/files/browser.ts'));
vi.mock('../../generated/src/runtime/response.ts', () => import('../../templates/runtime/files/response.ts'));
vi.mock('../../generated/src/runtime/api-promise.ts', () => import('../../templates/runtime/files/api-promise.ts'));
vi.mock('../../generated/src/runtime/options.ts', () => import('../../templates/runtime/files/options.ts'));
vi.mock('../../generated/src/runtime/core.ts', () => import('../../templates/runtime/files/core.ts'));
vi.mock('../../generated/src/runtime/body.ts', () => import('../../templates/runtime/files/body.ts'));
vi.mock('../../generated/src/runtime/request.ts', () => import('../../templates/runtime/files/request.ts'));
vi.mock('openai-realtime-client', () => import('../../generated/src/index.ts'));

await import('./client.test.ts');
await import('./faults.test.ts');
