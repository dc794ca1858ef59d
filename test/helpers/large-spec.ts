import { seeded } from './seeded.ts';

/**
 * A large, seeded OpenAPI 3.1 document of our own, for the size limits: by default about 20 MB,
 * 1,650 operations over 30 tags and 5,000 schemas that refer to each other densely (every schema
 * reaches others through properties, arrays and `allOf`), with long descriptions. The same seed
 * gives the same bytes.
 */
export interface LargeSpecOptions {
  readonly seed?: number;
  readonly operations?: number;
  readonly schemas?: number;
}

export function largeSpec(options: LargeSpecOptions = {}): string {
  const random = seeded(options.seed ?? 12);
  const operationCount = options.operations ?? 1_650;
  const schemaCount = options.schemas ?? 5_000;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = ['account', 'billing', 'cluster', 'delivery', 'endpoint', 'feature', 'gateway', 'handler', 'invoice', 'journal', 'kernel', 'ledger', 'metric', 'network', 'order', 'payload', 'quota', 'region', 'session', 'token', 'usage', 'volume', 'webhook', 'zone'];
  const sentence = (count: number) => Array.from({ length: count }, () => pick(words)).join(' ');
  const schemaName = (i: number) => `Model${String(i).padStart(4, '0')}`;
  const ref = (i: number) => ({ $ref: `#/components/schemas/${schemaName(i)}` });
  const anySchema = () => ref(Math.floor(random() * schemaCount));

  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < schemaCount; i++) {
    const properties: Record<string, unknown> = {};
    for (let p = 0; p < 12; p++) {
      const kind = Math.floor(random() * 6);
      const description = sentence(18);
      properties[`${pick(words)}_${p}`] =
        kind === 0 ? { type: 'string', description, maxLength: 200 }
        : kind === 1 ? { type: 'integer', format: 'int64', description, minimum: 0 }
        : kind === 2 ? { type: 'string', enum: [pick(words), `${pick(words)}_x`, `${pick(words)}_y`], description }
        : kind === 3 ? { type: 'array', items: anySchema(), description }
        : { ...anySchema(), description };
    }
    schemas[schemaName(i)] = {
      description: sentence(40),
      ...(i % 7 === 0 ? { allOf: [anySchema(), { type: 'object', properties }] } : { type: 'object', required: Object.keys(properties).slice(0, 3), properties }),
    };
  }

  const paths: Record<string, Record<string, unknown>> = {};
  const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;
  for (let i = 0; i < operationCount; i++) {
    const path = `/${pick(words)}s/r${Math.floor(i / methods.length)}/{id}`;
    const method = methods[i % methods.length]!;
    const operation: Record<string, unknown> = {
      operationId: `operation${i}`,
      tags: [`tag${i % 30}`],
      summary: sentence(6),
      description: sentence(60),
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: sentence(12) },
        { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 }, description: sentence(12) },
      ],
      responses: {
        '200': { description: sentence(10), content: { 'application/json': { schema: anySchema() } } },
        '404': { description: sentence(10), content: { 'application/json': { schema: anySchema() } } },
      },
    };
    if (method !== 'get' && method !== 'delete') operation['requestBody'] = { required: true, content: { 'application/json': { schema: anySchema() } } };
    (paths[path] ??= {})[method] = operation;
  }
  const document = {
    openapi: '3.1.0',
    info: { title: 'Large API', version: '1.0.0', description: sentence(30) },
    servers: [{ url: 'https://api.example.test' }],
    paths,
    components: { schemas },
  };
  return JSON.stringify(document, null, 1);
}
