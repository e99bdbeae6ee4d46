/**
 * Reference errors, worded exactly as distribution/reference v0.5.0 and
 * opencontainers/go-digest word them, because users paste these strings into
 * searches and issues. Formatted errors quote the input like the Go code does.
 */
export const referenceErrors = {
  invalidFormat: 'invalid reference format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: 'repository name must not be more than 255 characters',
  digestInvalidFormat: 'invalid checksum digest format',
  digestInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
  hexIdentifier: (input: string) =>
    `invalid repository name (${input}), cannot specify 64-byte hexadecimal strings`,
  remoteNameUppercase: (remoteName: string) =>
    `invalid reference format: repository name (${remoteName}) must be lowercase`,
} as const;
