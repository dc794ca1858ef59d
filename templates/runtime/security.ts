import type { OAuthFlowModel, OperationModel, SecurityRequirementModel, SecuritySchemeModel, TemplateContext } from 'openapi-morph';

/**
 * The spec's security schemes as the runtime sees them (runtime/files/auth.ts), shared by the
 * runtime's defaults, the API classes, the README and the API docs, so all four say the same.
 */

/** Lets a bundler drop defaults.ts with the maker calls in it when nothing uses it. */
const PURE = '/* @__PURE__ */ ';

/**
 * How a scheme sends its credential: the runtime's `SchemeSpec`, as code calling the maker of its
 * kind in runtime/schemes.ts (`schemeMaker` names it, for the import).
 */
export function schemeSpec(ctx: TemplateContext, scheme: SecuritySchemeModel): string {
  const { stringLiteral } = ctx.escape;
  const { call } = ctx.ts;
  switch (scheme.type) {
    case 'http':
      return scheme.scheme === 'basic' ? 'basic' : PURE + call('http', [stringLiteral(scheme.scheme === 'bearer' ? 'Bearer' : scheme.scheme)]);
    case 'apiKey':
      return PURE + call('apiKey', [stringLiteral(scheme.in), stringLiteral(scheme.parameterName)]);
    case 'mutualTLS':
      return 'mutualTLS';
    default:
      return PURE + call('http', [stringLiteral('Bearer')]);
  }
}

/** The export of runtime/schemes.ts that `schemeSpec` uses for a scheme. */
export function schemeMaker(scheme: SecuritySchemeModel): 'http' | 'basic' | 'apiKey' | 'mutualTLS' {
  if (scheme.type === 'http') return scheme.scheme === 'basic' ? 'basic' : 'http';
  return scheme.type === 'apiKey' || scheme.type === 'mutualTLS' ? scheme.type : 'http';
}

/** What a caller passes for a scheme: basic takes `{ username, password }`, mutual TLS nothing (its `fetch` holds the certificate), any other a token. */
export function credentialKind(scheme: SecuritySchemeModel): 'basic' | 'token' | 'none' {
  if (scheme.type === 'http' && scheme.scheme === 'basic') return 'basic';
  return scheme.type === 'mutualTLS' ? 'none' : 'token';
}

/** The spec's one token scheme, which the `apiKey` option stands for; `undefined` with none or several. */
export function tokenScheme(ctx: TemplateContext): SecuritySchemeModel | undefined {
  const tokens = ctx.model.securitySchemes.filter((s) => credentialKind(s) === 'token');
  return tokens.length === 1 ? tokens[0] : undefined;
}

/** Environment variables per scheme: the config's `client.authEnv`, and `package.apiKeyEnv` for the one token scheme. */
export function schemeEnv(ctx: TemplateContext): ReadonlyMap<string, string> {
  const env = new Map<string, string>();
  const token = tokenScheme(ctx);
  const apiKeyEnv = ctx.options.package.apiKeyEnv;
  if (token && apiKeyEnv) env.set(token.name, apiKeyEnv);
  for (const scheme of ctx.model.securitySchemes) {
    // Own keys only: a scheme may be named `toString` or `constructor` (a spec is untrusted input).
    const authEnv = ctx.options.client.authEnv;
    const name = Object.hasOwn(authEnv, scheme.name) ? authEnv[scheme.name] : undefined;
    if (name) env.set(scheme.name, name);
  }
  return env;
}

/** `[["BearerAuth"], ["ApiKey", "AppId"]]`: an operation's requirements (alternatives of schemes applied together) as code. */
export function securityLiteral(ctx: TemplateContext, operation: OperationModel): string {
  const { arrayLiteral } = ctx.ts;
  return arrayLiteral(operation.security.map((r) => arrayLiteral(r.schemes.map((s) => ctx.escape.stringLiteral(s.name)))));
}

/** `HTTP bearer token in \`Authorization\``: how a scheme sends its credential, in markdown. */
export function describeScheme(ctx: TemplateContext, scheme: SecuritySchemeModel): string {
  const { md } = ctx;
  switch (scheme.type) {
    case 'http':
      if (scheme.scheme === 'basic') return 'HTTP basic authentication: pass `{ username, password }`';
      return `HTTP ${md.code(scheme.scheme)} authentication: a token sent as \`Authorization: ${scheme.scheme === 'bearer' ? 'Bearer' : md.text(scheme.scheme)} <token>\``;
    case 'apiKey':
      return `API key in the ${scheme.in === 'query' ? 'query parameter' : scheme.in} ${md.code(scheme.parameterName)}`;
    case 'oauth2':
    case 'openIdConnect':
      return `${scheme.type === 'oauth2' ? 'OAuth 2' : 'OpenID Connect'}: an access token you obtain, sent as \`Authorization: Bearer <token>\``;
    default:
      return 'mutual TLS: pass a `fetch` whose connections present the client certificate';
  }
}

/**
 * `BearerAuth`, `ApiKey and AppId`, `OAuth2 (scopes \`files.read\`)` or `no credentials`: one
 * requirement in words (markdown). Takes the requirement's schemes (names alone: no scopes shown).
 */
export function requirementText(ctx: TemplateContext, schemes: readonly (string | SecurityRequirementModel['schemes'][number])[]): string {
  if (schemes.length === 0) return 'no credentials';
  return schemes.map((s) => (typeof s === 'string' ? ctx.md.code(s) : `${ctx.md.code(s.name)}${scopesText(ctx, s.scopes)}`)).join(' and ');
}

/** ` (scopes \`a\`, \`b\`)`, or nothing without scopes. */
export function scopesText(ctx: TemplateContext, scopes: readonly string[]): string {
  return scopes.length === 0 ? '' : ` (${scopeList(ctx, scopes)})`;
}

/** `scopes \`a\`, \`b\``: at most MAX_LISTED named. */
function scopeList(ctx: TemplateContext, scopes: readonly string[]): string {
  const listed = scopes.slice(0, MAX_LISTED).map((scope) => ctx.md.code(scope)).join(', ');
  return `${scopes.length === 1 ? 'scope' : 'scopes'} ${listed}${scopes.length > MAX_LISTED ? ` and ${scopes.length - MAX_LISTED} more` : ''}`;
}

const MAX_LISTED = 12;

/**
 * Where an OAuth 2 or OpenID Connect scheme's tokens come from, as the spec declares it (markdown,
 * after `describeScheme`): each flow's URLs and the scopes it offers; empty for other schemes.
 */
export function tokenOrigin(ctx: TemplateContext, scheme: SecuritySchemeModel): string {
  const { md } = ctx;
  if (scheme.type === 'openIdConnect') return scheme.openIdConnectUrl ? ` Discovery: ${md.code(scheme.openIdConnectUrl)}.` : '';
  if (scheme.type !== 'oauth2' || !scheme.flows?.length) return '';
  const flows = scheme.flows.map((flow) => {
    const urls = [flow.authorizationUrl && `authorize at ${md.code(flow.authorizationUrl)}`, flow.tokenUrl && `token at ${md.code(flow.tokenUrl)}`].filter(Boolean);
    return `${FLOW_WORDS[flow.flow]}${urls.length > 0 ? ` (${urls.join(', ')})` : ''}${flow.scopes.length > 0 ? `, with ${scopeList(ctx, flow.scopes.map((scope) => scope.name))}` : ''}`;
  });
  return ` Flows: ${flows.join('; ')}.`;
}

const FLOW_WORDS: Readonly<Record<OAuthFlowModel['flow'], string>> = {
  authorizationCode: 'authorization code',
  clientCredentials: 'client credentials',
  deviceAuthorization: 'device authorization',
  implicit: 'implicit',
  password: 'password',
};
