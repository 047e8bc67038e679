import type { ImageReference } from './types';

// The reference grammar of github.com/distribution/reference (regexp.go), which containerd and the kubelet use.
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6_HOST = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6_HOST})`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE_REGEXP = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER_REGEXP = /^[a-f0-9]{64}$/;
const REPOSITORY_NAME_MAX = 255;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';

/**
 * Parses an image reference as the kubelet does (`parsers.ParseImageName` → `reference.ParseNormalizedNamed`), so
 * `nginx` becomes `docker.io/library/nginx:latest`. An invalid reference yields the kubelet's `InvalidImageName`
 * message, e.g. `Failed to apply default image tag "Nginx": couldn't parse image name "Nginx": invalid reference
 * format: repository name (library/Nginx) must be lowercase`.
 */
export function parseImageReference(image: string): ImageReference | { error: string } {
  const parsed = parseNormalizedNamed(image);
  if (typeof parsed === 'string') {
    // kubelet: pkg/kubelet/images/image_manager.go applyDefaultImageTag, pkg/util/parsers/parsers.go
    return { error: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed}` };
  }
  const { registry, repository, tag, digest } = parsed;
  // The kubelet appends ":latest" only when the image has neither tag nor digest.
  const effectiveTag = tag ?? (digest === undefined ? 'latest' : undefined);
  const canonical =
    `${registry}/${repository}` +
    (effectiveTag !== undefined ? `:${effectiveTag}` : '') +
    (digest !== undefined ? `@${digest}` : '');
  const reference: ImageReference = { original: image, registry, repository, canonical };
  if (effectiveTag !== undefined) reference.tag = effectiveTag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

interface ParsedName {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** reference.ParseNormalizedNamed (normalize.go): a parsed name, or the error text. */
function parseNormalizedNamed(s: string): ParsedName | string {
  if (IDENTIFIER_REGEXP.test(s)) return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
  const [domain, remainder] = splitDockerDomain(s);
  const tagSeparator = remainder.indexOf(':');
  const remote = tagSeparator > -1 ? remainder.slice(0, tagSeparator) : remainder;
  if (remote.toLowerCase() !== remote) return `invalid reference format: repository name (${remote}) must be lowercase`;
  return parseReference(`${domain}/${remainder}`);
}

/** splitDockerDomain (normalize.go): the first path element is a registry only if it looks like a host. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  const isDomain = maybeDomain === 'localhost' || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain;
  let [domain, remote] = isDomain ? [maybeDomain, maybeRemote] : [DEFAULT_DOMAIN, name];
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_PREFIX + remote;
  return [domain, remote];
}

/** reference.Parse (reference.go) of a name that already carries its domain. */
function parseReference(s: string): ParsedName | string {
  const match = REFERENCE_REGEXP.exec(s);
  if (!match) {
    const lower = s.toLowerCase();
    if (lower !== s && REFERENCE_REGEXP.test(lower)) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  const name = match[1] ?? '';
  const slash = name.indexOf('/');
  const registry = name.slice(0, slash);
  const repository = name.slice(slash + 1);
  if (repository.length > REPOSITORY_NAME_MAX)
    return `repository name must not be more than ${REPOSITORY_NAME_MAX} characters`;
  const parsed: ParsedName = { registry, repository };
  if (match[2] !== undefined) parsed.tag = match[2];
  if (match[3] !== undefined) {
    const digestError = validateDigest(match[3]);
    if (digestError) return digestError;
    parsed.digest = match[3];
  }
  return parsed;
}

// github.com/opencontainers/go-digest: only registered algorithms, with their exact hex length.
const DIGEST_HEX_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function validateDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTHS[algorithm];
  if (length === undefined) return 'unsupported digest algorithm';
  if (encoded.length !== length) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
  return undefined;
}
