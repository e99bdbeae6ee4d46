import type { YamlScalar } from './yamlV2/compose.ts';

/**
 * How gopkg.in/yaml.v2 (the decoder K3s uses, YAML 1.1 rules) resolves a plain scalar.
 * Only three outcomes matter for registries.yaml, whose fields are strings and one bool:
 *   - null  ("", "~", null): the field gets its zero value;
 *   - bool  (yes/no/on/off/y/n/true/false in three casings): only a bool field accepts it;
 *   - anything else: a string field receives the scalar's text verbatim (so `password: 0x10`
 *     stays "0x10", and `password: yes` stays "yes").
 * The tag is kept for error messages, which name it the way yaml.v2 does.
 */

export type ResolvedScalar =
  | { tag: '!!null'; value?: undefined }
  | { tag: '!!bool'; value: boolean }
  /** Any other tag, short (`!!str`, `!!int`) or as written (`!foo`): only a string field takes it. */
  | { tag: string; value?: undefined };

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
const SPECIAL_FLOATS = new Set(['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);
/** strconv.ParseInt(s, 0, 64) shapes, after yaml.v2 strips underscores. */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

/** Resolves an untagged plain scalar by yaml.v2's rules. */
export function resolvePlainScalar(text: string): ResolvedScalar {
  if (NULLS.has(text)) return { tag: '!!null' };
  if (TRUES.has(text)) return { tag: '!!bool', value: true };
  if (FALSES.has(text)) return { tag: '!!bool', value: false };
  if (text === '<<') return { tag: '!!merge' };
  if (SPECIAL_FLOATS.has(text)) return { tag: '!!float' };
  if (TIMESTAMP.test(text)) return { tag: '!!timestamp' };
  const plain = text.replaceAll('_', '');
  if (GO_INT.test(plain)) return { tag: '!!int' };
  if (YAML_FLOAT.test(plain)) return { tag: '!!float' };
  return { tag: '!!str' };
}

const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';
/** The tags yaml.v2 resolves by its tables; any other tag leaves the text a string under that tag. */
const RESOLVABLE = new Set(['', 'str', 'bool', 'null', 'int', 'float', 'timestamp'].map((name) => (name === '' ? '' : YAML_TAG_PREFIX + name)));

/** `tag:yaml.org,2002:str` -> `!!str`, as yaml.v2 prints tags. */
export function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

/**
 * yaml.v2's `d.scalar` and `resolve`: an untagged quoted or block scalar is a string; an untagged
 * plain one, or one with a resolvable tag, goes by the tables; any other tag keeps the text.
 * `mismatch` is set when an explicit tag disagrees with the text (`!!int abc`): yaml.v2 stops
 * the whole Unmarshal with "cannot decode !!str `abc` as a !!int".
 */
export function resolveScalar(node: Pick<YamlScalar, 'value' | 'style' | 'tag'>): ResolvedScalar & { mismatch?: string } {
  const tag = node.tag ?? '';
  if (tag === '' && node.style !== 'plain') return { tag: '!!str' };
  if (!RESOLVABLE.has(tag)) return { tag: shortTag(tag) };
  if (tag === YAML_TAG_PREFIX + 'str') return { tag: '!!str' };
  const resolved = resolvePlainScalar(node.value);
  const wanted = shortTag(tag);
  // A `!!float` tag also takes an integer.
  if (tag === '' || resolved.tag === wanted || (wanted === '!!float' && resolved.tag === '!!int')) return tag === '' ? resolved : { ...resolved, tag: wanted } as ResolvedScalar;
  return { ...resolved, mismatch: `cannot decode ${resolved.tag} \`${node.value}\` as a ${wanted}` };
}
