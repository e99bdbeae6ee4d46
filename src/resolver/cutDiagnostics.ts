import { diagnostic, type SpannedDiagnostic } from './diagnostics.ts';
import type { K3sOutput } from './k3s/index.ts';
import { limits } from './limits.ts';
import type { Registry } from './registries/model.ts';
import type { Span } from './registries/span.ts';
import { keyOfDirectory } from './registryNames.ts';
import type { ImageResolution } from './resolution.ts';

/** Says where the engine stopped short of what K3s and containerd would produce (limits.ts). */
export function cutDiagnostics(registry: Registry, outputs: readonly K3sOutput[], images: readonly ImageResolution[]): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  const k3s = outputs.find((output) => output.cutDirs.length > 0);
  const firstCutDir = k3s?.cutDirs[0];
  if (k3s !== undefined && firstCutDir !== undefined) {
    const host = k3s.hostConfigs.get(firstCutDir);
    const mirrorKey = host?.endpoints[0]?.origin?.mirrorKey ?? keyOfDirectory(firstCutDir);
    found.push(
      diagnostic(
        'output-cut',
        `K3s would write more than ${megabytes(limits.hostsTomlBytes)} of hosts.toml for this file (each endpoint repeats its mirror's rewrites). The playground stops there: certs.d/${k3s.cutDirs.join(', certs.d/')} ${k3s.cutDirs.length === 1 ? 'is' : 'are'} cut short, and chains read from ${k3s.cutDirs.length === 1 ? 'it' : 'them'} may be incomplete.`,
        registry.mirrors.get(mirrorKey)?.keySpan ?? { start: 0, end: 0 },
      ),
    );
  }
  const firstCutChain = images.find((image) => Object.values(image.versions).some((version) => version.cut));
  if (firstCutChain !== undefined) {
    found.push(
      diagnostic(
        'output-cut',
        `These chains add up to more than ${megabytes(limits.chainBytes)} of URLs. The playground stops there: from ${firstCutChain.image} on, chains are incomplete.`,
        { start: 0, end: 0 },
      ),
    );
  }
  const cutSteps = new Map<string, { span: Span; why: string }>();
  for (const image of images) {
    for (const version of Object.values(image.versions)) {
      for (const endpoint of version.chain) {
        if (!endpoint.cut) continue;
        const rewrite = endpoint.sources.find((source) => source.role === 'rewrite');
        const origin = rewrite ?? endpoint.sources.find((source) => source.role === 'endpoint') ?? endpoint.sources.find((source) => source.role === 'mirror');
        const key = origin === undefined ? '' : `${origin.span.start}`;
        if (cutSteps.has(key)) continue;
        const why =
          endpoint.rewrite?.cut === true && endpoint.rewrite.pattern === null
            ? `applying these rewrites to every image takes more than ${limits.rewriteEvaluations.toLocaleString('en-US')} evaluations; the playground stopped evaluating them, so later steps show the repository unrewritten`
            : `this step's request URL is longer than ${limits.urlLength.toLocaleString('en-US')} characters (registries accept repository names of 255); the playground shows its start, marked as cut`;
        cutSteps.set(key, { span: origin?.span ?? { start: 0, end: 0 }, why });
      }
    }
  }
  for (const { span, why } of cutSteps.values()) found.push(diagnostic('output-cut', `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}.`, span));
  return found;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('en-US')} MB`;
}

