/**
 * Everything that differs between K3s/RKE2 releases, as data: the behaviour profiles
 * (profile.ts, profiles.ts) and the release table that maps any release to one (releases.ts).
 * Nothing outside this folder names a release. (evidence.ts, where each behaviour comes from, is
 * imported on its own: the page does not need it.)
 */
export * from './profile.ts';
export { profiles } from './profiles.ts';
export * from './releases.ts';
