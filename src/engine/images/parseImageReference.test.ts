import { describe, it, expect } from 'vitest';
import { parseImageReference } from './parseImageReference';

const DIGEST = 'sha256:' + 'a'.repeat(64);

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io', 'library/nginx', '1.25', 'docker.io/library/nginx:1.25'],
    ['library/nginx', 'docker.io', 'library/nginx', 'latest', 'docker.io/library/nginx:latest'],
    ['docker.io/nginx:1.25.3', 'docker.io', 'library/nginx', '1.25.3', 'docker.io/library/nginx:1.25.3'],
    ['index.docker.io/library/busybox:1.28', 'docker.io', 'library/busybox', '1.28', 'docker.io/library/busybox:1.28'],
    ['ikubernetes/myapp:v1', 'docker.io', 'ikubernetes/myapp', 'v1', 'docker.io/ikubernetes/myapp:v1'],
    ['quay.io/junkai/demo:1.0', 'quay.io', 'junkai/demo', '1.0', 'quay.io/junkai/demo:1.0'],
    [
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
      'registry.k8s.io',
      'e2e-test-images/agnhost',
      '2.40',
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
    ],
    ['localhost:5000/x', 'localhost:5000', 'x', 'latest', 'localhost:5000/x:latest'],
    ['localhost/x:1', 'localhost', 'x', '1', 'localhost/x:1'],
    [
      '172.30.10.185:15000/common/curl-alpine:3.8',
      '172.30.10.185:15000',
      'common/curl-alpine',
      '3.8',
      '172.30.10.185:15000/common/curl-alpine:3.8',
    ],
    ['radial/busyboxplus:curl', 'docker.io', 'radial/busyboxplus', 'curl', 'docker.io/radial/busyboxplus:curl'],
    // An upper-case first element is taken for a registry host (normalize.go splitDockerDomain).
    ['MyRegistry/app', 'MyRegistry', 'app', 'latest', 'MyRegistry/app:latest'],
    [
      'my_org/my-app__x:v1.0-rc.1',
      'docker.io',
      'my_org/my-app__x',
      'v1.0-rc.1',
      'docker.io/my_org/my-app__x:v1.0-rc.1',
    ],
  ])('%s → %s', (image, registry, repository, tag, canonical) => {
    expect(parseImageReference(image)).toEqual({ original: image, registry, repository, tag, canonical });
  });

  it('keeps a digest and adds no default tag', () => {
    expect(parseImageReference(`nginx@${DIGEST}`)).toEqual({
      original: `nginx@${DIGEST}`,
      registry: 'docker.io',
      repository: 'library/nginx',
      digest: DIGEST,
      canonical: `docker.io/library/nginx@${DIGEST}`,
    });
  });

  it('keeps both tag and digest', () => {
    expect(parseImageReference(`nginx:1.25@${DIGEST}`)).toMatchObject({
      tag: '1.25',
      digest: DIGEST,
      canonical: `docker.io/library/nginx:1.25@${DIGEST}`,
    });
  });

  const prefix = (image: string) =>
    `Failed to apply default image tag "${image}": couldn't parse image name "${image}": `;

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['Nginx:1.25', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['myorg/App', 'invalid reference format: repository name (myorg/App) must be lowercase'],
    ['quay.io/Junkai/demo', 'invalid reference format: repository name (Junkai/demo) must be lowercase'],
    ['nginx:1.25:latest', 'invalid reference format'],
    ['nginx::1', 'invalid reference format'],
    ['ngi$nx', 'invalid reference format'],
    ['nginx:-1', 'invalid reference format'],
    ['', 'invalid reference format'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    ['nginx@sha256:abc', 'invalid reference format'],
    [`nginx@sha256:${'a'.repeat(40)}`, 'invalid checksum digest length'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`example.com/${'a'.repeat(256)}`, 'repository name must not be more than 255 characters'],
  ])('rejects %j', (image, message) => {
    expect(parseImageReference(image)).toEqual({ error: prefix(image) + message });
  });
});
