import type { ResolvedConfig } from './config/types.ts';
import { warning, type Diagnostic } from './diagnostics/diagnostic.ts';
import type { ApiModel } from './model/types.ts';
import { packageNameFromTitle, semverFromInfoVersion } from './package-identity.ts';
import type { Release } from './releases.ts';
import type { TemplateOptions } from './template-api/types.ts';
import { pinnedVersion, toolkit } from './toolkit.ts';

/**
 * The policy for the package a render describes, apart from the pipeline that renders it: what
 * the config leaves open is taken from the spec (name, description, license) or the release
 * history (version), and the generated package depends on the versions the toolkit is tested with.
 */
export function templateOptions(config: ResolvedConfig, model: ApiModel, releases: readonly Release[]): { options: TemplateOptions; warnings: Diagnostic[] } {
  const identity = packageIdentity(config, model, releases);
  const options: TemplateOptions = {
    package: {
      name: identity.name,
      version: identity.version,
      description: config.package.description ?? model.info.summary ?? model.info.title,
      license: config.package.license ?? model.info.license?.identifier ?? 'UNLICENSED',
      apiKeyEnv: config.package.apiKeyEnv,
      releases,
    },
    client: config.client,
    toolkit,
    dependencies: dependencyPins(),
  };
  return { options, warnings: identity.warnings };
}

/** The generated package's dependencies: caret ranges from the versions the toolkit itself installs. */
function dependencyPins(): TemplateOptions['dependencies'] {
  return { 'openapi-fetch': `^${pinnedVersion('openapi-fetch')}`, typescript: `^${pinnedVersion('typescript')}` };
}

/**
 * Name: the config's, else `info.title` as an npm name. Version: the newest release's, else
 * `info.version` made semver (a warning when it is not one).
 */
function packageIdentity(config: ResolvedConfig, model: ApiModel, releases: readonly Release[]): { name: string; version: string; warnings: Diagnostic[] } {
  const name = config.package.name ?? packageNameFromTitle(model.info.title);
  const newest = releases[0];
  if (newest) return { name, version: newest.version, warnings: [] };
  const { version, recognized } = semverFromInfoVersion(model.info.version);
  const warnings = recognized
    ? []
    : [warning('OM108', `info.version ${JSON.stringify(model.info.version)} is not a version; the package version is ${version} (record releases with \`openapi-morph release\`, see package.releases)`, { file: model.source.name, pointer: '#/info/version' })];
  return { name, version, warnings };
}
