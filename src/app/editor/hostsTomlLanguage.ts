import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api.js';

/** The language id of hosts.toml models (Monaco ships no TOML). */
export const HOSTS_TOML_LANGUAGE = 'hosts-toml';

/** A model per file, at the path it has on a node (so each tab keeps its own undo history). */
export function hostsTomlPath(dir: string): string {
  return `file:///etc/containerd/certs.d/${encodeURIComponent(dir)}/hosts.toml`;
}

/** hosts.toml keys as containerd (and the K3s fork) read them, for completion and hover. */
const KEYS: readonly { key: string; insert: string; doc: string }[] = [
  { key: 'server', insert: 'server = "https://${1:registry.example.com}"', doc: 'The registry itself, tried after every [host] (upstream always; the K3s fork only when this line is present).' },
  { key: 'capabilities', insert: 'capabilities = ["pull", "resolve"]', doc: 'What the host is used for: pull, resolve (tags), push; referrers on containerd 2.2+. Absent: all. An unknown name rejects the file.' },
  { key: 'ca', insert: 'ca = "${1:/etc/containerd/certs.d/registry.example.com/ca.crt}"', doc: 'CA certificate(s): a path or a list of paths (relative to this directory).' },
  { key: 'client', insert: 'client = [["${1:/etc/certs/client.cert}", "${2:/etc/certs/client.key}"]]', doc: 'Client certificate: a path (cert and key in one file), a list of paths, or [cert, key] pairs.' },
  { key: 'skip_verify', insert: 'skip_verify = ${1:true}', doc: 'Do not verify the server certificate (any value makes the host "explicit TLS": an http:// host then tries HTTPS first).' },
  { key: 'override_path', insert: 'override_path = true', doc: 'The URL path is the API root as written: /v2 is not appended.' },
  { key: 'dial_timeout', insert: 'dial_timeout = "${1:5s}"', doc: 'containerd v2.0.7 and 2.1+: connection timeout, a Go duration (a bad one rejects the file); ignored before.' },
  { key: 'header', insert: '[host."${1:https://mirror.example.com}".header]\n  ${2:x-custom} = "${3:value}"', doc: 'Extra request headers for this host.' },
  { key: 'rewrite', insert: '[host."${1:https://mirror.example.com}".rewrite]\n  "${2:^library/(.*)}" = "${3:mirror/\\$1}"', doc: 'K3s containerd fork only: repository rewrites (Go RE2). Upstream containerd ignores this table.' },
  { key: '[host', insert: '[host."${1:https://mirror.example.com}"]\n  capabilities = ["pull", "resolve"]', doc: 'A mirror, tried in file order before the registry itself.' },
];

let registered = false;

/** Registers highlighting (Monarch) and key completion for hosts.toml, once. */
export function registerHostsToml(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: HOSTS_TOML_LANGUAGE, extensions: ['.toml'] });
  monaco.languages.setLanguageConfiguration(HOSTS_TOML_LANGUAGE, {
    comments: { lineComment: '#' },
    brackets: [['[', ']']],
    autoClosingPairs: [
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.setMonarchTokensProvider(HOSTS_TOML_LANGUAGE, {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/^\s*\[\[?[^\]]*\]\]?/, 'type'],
        [/"""/, 'string', '@basicMultiline'],
        [/'''/, 'string', '@literalMultiline'],
        [/"(?:[^"\\]|\\.)*"(?=\s*=)/, 'variable'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/'[^']*'/, 'string'],
        [/\b(?:true|false)\b/, 'keyword'],
        [/[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?\b/, 'number'],
        [/[A-Za-z0-9_-]+(?=\s*=)/, 'variable'],
        [/[=,]/, 'delimiter'],
      ],
      basicMultiline: [
        [/"""/, 'string', '@pop'],
        [/./, 'string'],
      ],
      literalMultiline: [
        [/'''/, 'string', '@pop'],
        [/./, 'string'],
      ],
    },
  });
  monaco.languages.registerCompletionItemProvider(HOSTS_TOML_LANGUAGE, {
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const line = model.getLineContent(position.lineNumber);
      const startColumn = line.trimStart().startsWith('[') ? line.indexOf('[') + 1 : word.startColumn;
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn, endColumn: position.column };
      return {
        suggestions: KEYS.map((item) => ({
          label: item.key,
          kind: monaco.languages.CompletionItemKind.Property,
          insertText: item.insert,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          documentation: item.doc,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(HOSTS_TOML_LANGUAGE, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const item = word === null ? undefined : KEYS.find((candidate) => candidate.key === word.word);
      if (item === undefined || word === null) return null;
      return { contents: [{ value: `**${item.key}**: ${item.doc}` }], range: { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn } };
    },
  });
}
