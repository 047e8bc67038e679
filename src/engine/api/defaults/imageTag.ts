/**
 * The tag parsers.ParseImageName finds in an image reference (kubernetes: pkg/util/parsers/parsers.go): the
 * explicit tag, `latest` when neither tag nor digest is given, and '' for a digest-only or unparsable reference.
 */

// distribution/reference: lower-case path components separated by '/', optional registry host with port.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const HOST = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const REFERENCE = new RegExp(
  `^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

export function imageTag(image: string): string {
  const match = REFERENCE.exec(image);
  if (!match) return '';
  const tag = match[1];
  const digest = match[2];
  if (tag) return tag;
  return digest ? '' : 'latest';
}
