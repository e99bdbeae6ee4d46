import { olderReleases, releaseOf, resolve } from '../src/resolver/index.ts';
import { buildTimeline } from '../src/resolver/timeline.ts';
import { RE2JS } from 're2js';
import { measure, ms, type BenchRow } from './measure.ts';
import { SEED_CONFIG, SEED_IMAGES, certsTree, largeConfig, manyImages } from './samples.ts';

/** Engine throughput in Node: the seed sample and a fleet-sized case, both releases. */
export function engineBenchmarks(): BenchRow[] {
  const seed = measure(() => resolve({ registriesYaml: SEED_CONFIG, images: SEED_IMAGES }), { warmup: 50, runs: 500 });
  const config = largeConfig(50);
  const images = manyImages(10_000);
  const large = measure(() => resolve({ registriesYaml: config, images }), { warmup: 3, runs: 15 });
  const thousand = manyImages(1_000);
  const medium = measure(() => resolve({ registriesYaml: config, images: thousand }), { warmup: 5, runs: 40 });
  const older = [releaseOf('v1.29.3+k3s1'), releaseOf('v1.29.4+k3s1')];
  const twenty = manyImages(20);
  const olderPair = measure(() => resolve({ registriesYaml: config, images: twenty, releases: older }), { warmup: 20, runs: 200 });
  const timeline = measure(
    () => buildTimeline({ registriesYaml: config, images: twenty, product: 'k3s', disableDefaultRegistryEndpoint: false, embeddedRegistry: false, regexEngine: RE2JS, olderReleases }),
    { warmup: 20, runs: 200 },
  );
  const tree = Object.fromEntries(certsTree(50).map((file) => [file.dir, file.toml]));
  const plainContainerd = ['containerd v1.7.25', 'containerd v2.0.4', 'v1.32.3+k3s1'].map((name) => releaseOf(name));
  const containerdTree = measure(() => resolve({ registriesYaml: '', images: twenty, releases: plainContainerd, hostsDirs: tree }), { warmup: 20, runs: 200 });
  const perSecond = (count: number, time: number) => `${Math.round((count * 2) / (time / 1000)).toLocaleString('en-US')} resolutions/s`;
  return [
    { benchmark: 'engine (Node)', case: `seed: wildcard mirror, ${SEED_IMAGES.length} images x 2 releases`, figure: `${ms(seed.median)} median (p95 ${ms(seed.p95)})`, goal: 'well under 1 ms' },
    { benchmark: 'engine (Node)', case: 'seed throughput', figure: perSecond(SEED_IMAGES.length, seed.median) },
    { benchmark: 'engine (Node)', case: '1,000 images, 50-mirror config', figure: `${ms(medium.median)} median (p95 ${ms(medium.p95)})` },
    { benchmark: 'engine (Node)', case: '10,000 images, 50-mirror config', figure: `${ms(large.median)} median (p95 ${ms(large.p95)})`, goal: 'under 100 ms' },
    { benchmark: 'engine (Node)', case: '10,000-image throughput', figure: perSecond(images.length, large.median) },
    { benchmark: 'engine (Node)', case: '20 images, 50-mirror config, v1.29.3 vs v1.29.4', figure: `${ms(olderPair.median)} median (p95 ${ms(olderPair.p95)})`, goal: 'p95 <= 16 ms' },
    { benchmark: 'engine (Node)', case: '20 images, 51-file certs.d, containerd 1.7 + 2.0 + the K3s fork', figure: `${ms(containerdTree.median)} median (p95 ${ms(containerdTree.p95)})`, goal: 'p95 <= 16 ms' },
    { benchmark: 'engine (Node)', case: 'timeline: 20 images, 50-mirror config, every profile', figure: `${ms(timeline.median)} median (p95 ${ms(timeline.p95)})`, goal: 'p95 <= 50 ms' },
  ];
}
