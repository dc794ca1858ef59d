import { defineTemplate } from 'openapi-morph';

/** No per-class API pages: there are no classes. The README documents the functions. */
export default defineTemplate({
  apiVersion: 1,
  name: 'docs-api',
  description: 'nothing: the README lists the functions (the default pages describe API classes)',
  scope: 'tag',
  render() {
    return [];
  },
});
