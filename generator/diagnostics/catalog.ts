/**
 * Every diagnostic openapi-morph can print, in one place. Codes are stable: tests, CI logs and
 * users' scripts may match on them. Ranges: 1xx config and CLI, 2xx loading a spec, 3xx selection,
 * 4xx model, 5xx templates and emit, 6xx format and write, 7xx check, 8xx overlays.
 */
export const catalog = {
  OM100: 'Invalid command-line usage',
  OM101: 'Config file not found',
  OM102: 'Config file could not be loaded',
  OM103: 'Invalid config value',
  OM104: 'Output folder was not made by openapi-morph',
  OM105: 'Release history missing or invalid',
  OM106: 'Sync selection differs from the config',
  OM107: 'Unknown config key',

  OM200: 'Spec file not found or unreadable',
  OM201: 'Spec file too large',
  OM202: 'YAML or JSON syntax error',
  OM203: 'Spec nesting too deep',
  OM204: 'YAML aliases expand too far (alias bomb) or recurse',
  OM205: 'Not an OpenAPI 3.x document',
  OM206: 'Invalid OpenAPI document',
  OM207: 'External $ref refused',
  OM208: '$ref target not found',
  OM209: 'Unsupported $ref target',
  OM210: 'Enum too large',
  OM211: 'Spec URL refused (only http and https are fetched)',
  OM212: 'Spec download failed',
  OM213: 'Spec download timed out',
  OM108: 'info.version is not a version (the package version is 0.0.0)',
  OM109: 'client.authEnv names no security scheme of the selected operations',
  OM214: 'A $ref loop with no type in it (schemas that only alias each other)',
  OM215: 'Discriminator mapping entries ignored (they name no component schema of the document)',

  OM300: 'Selection matches no operation',
  OM301: 'Duplicate operationId',
  OM302: 'Selection filter matches nothing',
  OM303: 'Component not kept by the selection',
  OM304: 'Operation cannot be generated (an OpenAPI 3.2 QUERY or additional operation)',
  OM305: 'Selection too large (limits.maxOperations, limits.maxSchemas)',
  OM306: 'The selection keeps no operation, schema or webhook (an empty package)',

  OM400: 'Unsupported schema construct',
  OM401: 'Name collision resolved',
  OM402: 'A security requirement needs two schemes that send the same header or query key',

  OM500: 'Template failed',
  OM501: 'Template returned an invalid file',
  OM502: 'Two templates emit the same file',
  OM503: 'Generated code does not parse',
  OM504: 'Generated TypeScript does not type-check',
  OM505: 'Override drift: the default an ejected template replaced has changed since',
  OM506: 'Eject record unreadable',
  OM507: 'No such default template',
  OM508: 'Eject refused: the team folder already has this template',
  OM509: 'A module in the team templates folder is not a template',

  OM600: 'Formatting failed',
  OM601: 'Writing output failed',
  OM602: 'Interrupted write recovered',
  OM603: 'A file in the output folder that openapi-morph did not make',
  OM604: 'output.preserve keeps a file openapi-morph generates',
  OM605: 'A symbolic link in the output folder',

  OM700: 'Generated output is out of date',
  OM701: 'Spec changed without a release',
  OM702: 'Nothing to release',

  OM800: 'Overlay file not found or unreadable',
  OM801: 'Invalid overlay document',
  OM802: 'Overlay target matches nothing',
  OM803: 'Invalid JSONPath in an overlay target',
  OM804: 'Overlay action cannot apply to its target',
} as const;

export type DiagnosticCode = keyof typeof catalog;
