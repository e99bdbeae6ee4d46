import { defaultReleases, findRelease, type Product, type Release, type ResolveInput } from '../resolver/index.ts';
import { UserError } from './errors.ts';

/**
 * Turns release names (`v1.28.7+k3s1`, `1.29.3`, `v1.30.5+rke2r1`) into releases; a bare number
 * takes `product`. The default pair when none are named.
 */
export function releasesFor(names: readonly string[] | undefined, product: Product = 'k3s'): Release[] {
  if (names === undefined || names.length === 0) return defaultReleases(product);
  return names.map((name) => {
    const found = findRelease(name, product);
    if (!found.ok) throw new UserError(found.error);
    return found.release;
  });
}

/** The engine input for one request, with each release's real embedded-registry settings. */
export function resolveInput(request: {
  registriesYaml: string;
  images: readonly string[];
  releases: readonly Release[];
  disableDefaultRegistryEndpoint?: boolean | undefined;
  embeddedRegistry?: boolean | undefined;
}): ResolveInput {
  return {
    registriesYaml: request.registriesYaml,
    images: request.images,
    releases: request.releases,
    disableDefaultRegistryEndpoint: request.disableDefaultRegistryEndpoint === true,
    embeddedRegistry: request.embeddedRegistry === true,
  };
}
