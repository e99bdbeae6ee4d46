/** Where the built site is served for the tests, and a second origin that embeds it, as a documentation site would. */
export const PLAYGROUND_ORIGIN = 'http://127.0.0.1:4173';
export const DOCS_ORIGIN = 'http://127.0.0.1:4174';
