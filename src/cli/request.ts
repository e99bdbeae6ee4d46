import { findProfile, nodeEmbeddedRegistry, profiles, type ResolveInput, type VersionProfile } from '../resolver/index.ts';
import { UserError } from './errors.ts';

/** Turns version names (`v1.32.2+k3s1`, `v1.32.2`, `1.32.2`) into profiles; both releases when none. */
export function profilesFor(names: readonly string[] | undefined): VersionProfile[] {
  if (names === undefined || names.length === 0) return [...profiles];
  return names.map((name) => {
    const profile = findProfile(name);
    if (profile === null) throw new UserError(`unknown K3s version "${name}"; known: ${profiles.map((known) => known.id).join(', ')}`);
    return profile;
  });
}

/** The engine input for one request, with the node's real embedded-registry settings. */
export function resolveInput(request: {
  registriesYaml: string;
  images: readonly string[];
  versions?: readonly string[] | undefined;
  disableDefaultRegistryEndpoint?: boolean | undefined;
  embeddedRegistry?: boolean | undefined;
}): ResolveInput {
  return {
    registriesYaml: request.registriesYaml,
    images: request.images,
    profiles: profilesFor(request.versions),
    disableDefaultRegistryEndpoint: request.disableDefaultRegistryEndpoint === true,
    embeddedRegistry: request.embeddedRegistry === true ? nodeEmbeddedRegistry : null,
  };
}
