import { defineTemplate } from 'openapi-morph';

/** The MIT License's text (https://opensource.org/license/mit), after its copyright line. */
const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

export default defineTemplate({
  apiVersion: 1,
  name: 'license',
  description: 'LICENSE: the license text, for a license whose text openapi-morph knows (MIT); none otherwise',
  scope: 'document',
  render(ctx) {
    if (ctx.options.package.license !== 'MIT') return undefined;
    // No copyright line: the config names no copyright holder and the generator invents none; a team
    // that needs one overrides this template. LICENSE gets no generated-file header (header.ts), so
    // license detectors recognise the text.
    return { kind: 'text', path: 'LICENSE', content: `MIT License\n\n${MIT_TERMS}` };
  },
});
