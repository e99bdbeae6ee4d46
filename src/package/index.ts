/**
 * The package's main entry: the engine. `resolve` runs the whole pipeline (registries.yaml ->
 * K3s's hosts.toml -> containerd's endpoint chain per image and release) with every release
 * and the RE2 engine built in.
 */
export * from '../resolver/index.ts';
