import { describe, it, expect } from 'vitest';
import { createImageCatalog, pullSecondsFor } from './createImageCatalog';
import type { ImageSpec } from './types';

const catalog = createImageCatalog();

function found(image: string): ImageSpec {
  const resolution = catalog.resolve(image);
  if (resolution.kind !== 'found') throw new Error(`${image}: ${resolution.kind}`);
  return resolution.image;
}

describe('createImageCatalog', () => {
  it.each([
    'nginx',
    'nginx:latest',
    'nginx:1.25.3',
    'nginx:1.25',
    'nginx:1.7.9',
    'nginx:1.9.1',
    'nginx:1.14.2',
    'nginx:1.15.2',
    'nginx:1.16.1-alpine',
    'nginx:1.21.6',
    'nginx:1.29.5-trixie',
    'nginx:1.25.3-bookworm-perl',
    'nginx:stable-alpine',
    'nginx:mainline',
    'nginx:alpine-slim',
    'busybox:1.28',
    'busybox:1.36.1-musl',
    'alpine:3.19',
    'debian:bookworm-slim',
    'ubuntu:22.04',
    'perl:5.34.0',
    'httpd:2.4',
    'redis:7.2.4-alpine',
    'mysql:8.0.36',
    'tomcat:10.1-jdk17',
    'registry.k8s.io/e2e-test-images/agnhost:2.40',
    'registry.k8s.io/pause:3.9',
    'k8s.gcr.io/liveness',
    'registry.k8s.io/goproxy:0.1',
    'quay.io/junkai/demo:1.0',
    'quay.io/junkai/training:liveness',
    'quay.io/junkai/training:goproxy-liveness',
    'app:1.0.2',
    'myapp:v1',
    'ikubernetes/myapp:v2',
    'resouer/ubuntu-bc',
    'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
    'prom/node-exporter:v1.8.2',
    'k8s.gcr.io/hpa-example',
    'registry.k8s.io/hpa-example',
    'gcr.io/google_samples/gb-frontend:v3',
    'curlimages/curl:8.5.0',
    'radial/busyboxplus:curl',
    'registry.cn-beijing.aliyuncs.com/dotbalo/nginx',
    'registry-vpc.ap-southeast-1.aliyuncs.com/allen-mo/proj.k8s-playground_app.eureka:20191227_01',
    '172.30.10.185:15000/common/prometheus-node-exporter:2020041501',
    '172.30.10.185:15000/common/curl-alpine:3.8',
  ])('knows %s', (image) => {
    expect(found(image).simulated).toBe(false);
  });

  it.each([
    'nginx:787977da',
    'nginx:787977dadaa',
    'nginx:1.161',
    'nginx:1.15.13',
    'nginx:1.7.1',
    'nginx:latest-alpine',
    'busybox:1.28.5',
    'quay.io/junkai/demo:2.0',
  ])('reports %s as a missing tag', (image) => {
    const resolution = catalog.resolve(image);
    expect(resolution.kind).toBe('tag-not-found');
  });

  it('names the canonical reference of a missing tag, as the pull error prints it', () => {
    expect(catalog.resolve('nginx:1.161')).toEqual({
      kind: 'tag-not-found',
      reference: {
        original: 'nginx:1.161',
        registry: 'docker.io',
        repository: 'library/nginx',
        tag: '1.161',
        canonical: 'docker.io/library/nginx:1.161',
      },
    });
  });

  it('rejects an invalid name with the kubelet message', () => {
    expect(catalog.resolve('Nginx')).toEqual({
      kind: 'invalid',
      original: 'Nginx',
      message:
        'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    });
  });

  it('runs an unknown repository as a simulated generic process with busybox-like tools', () => {
    const image = found('example.com/team/shop:2.3');
    expect(image.simulated).toBe(true);
    expect(image.cmd).toEqual(['simulated-app']);
    expect(image.entrypoint).toEqual([]);
    expect(image.env.KUBEPLAY_IMAGE).toBe('example.com/team/shop:2.3');
    expect(image.commands).toEqual(expect.arrayContaining(['sh', 'ls', 'cat', 'wget', 'simulated-app']));
    expect(found('example.com/team/shop:2.3').sizeBytes).toBe(image.sizeBytes);
  });

  it('describes nginx as the official image does', () => {
    const image = found('nginx:1.25.3');
    expect(image.reference.canonical).toBe('docker.io/library/nginx:1.25.3');
    expect(image.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(image.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(image.env).toEqual({
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      NGINX_VERSION: '1.25.3',
      PKG_RELEASE: '1~bookworm',
    });
    expect(image.exposedPorts).toEqual([80]);
    expect(image.files['/usr/share/nginx/html/index.html']?.length).toBe(615);
    expect(image.files['/usr/share/nginx/html/50x.html']).toContain('<h1>An error occurred.</h1>');
    expect(image.files['/etc/nginx/conf.d/default.conf']).toContain('root   /usr/share/nginx/html;');
    expect(image.files['/etc/nginx/nginx.conf']).toContain('worker_processes  auto;');
    expect(image.files['/etc/os-release']).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(found('nginx:1.16.1-alpine').files['/etc/os-release']).toContain('ID=alpine');
    expect(found('nginx:1.9.1').files['/usr/share/nginx/html/index.html']?.length).toBe(612);
    expect(found('httpd').files['/usr/local/apache2/htdocs/index.html']).toBe(
      '<html><body><h1>It works!</h1></body></html>\n',
    );
  });

  it.each([
    ['nginx:1.25.3', ['bash', 'sh', 'cat', 'ls', 'curl', 'perl', 'nginx'], ['ps', 'ping', 'wget', 'vi', 'ip']],
    ['nginx:1.25.3-alpine', ['sh', 'wget', 'ping', 'ps', 'nginx', 'curl'], ['bash']],
    ['busybox:1.28', ['sh', 'wget', 'nslookup', 'ping', 'ps', 'top', 'vi', 'nc'], ['curl', 'bash', 'bc']],
    ['busybox', ['bc', 'wget'], ['curl', 'bash']],
    ['debian', ['bash', 'sh', 'ls', 'cat', 'sed', 'grep'], ['curl', 'wget', 'ping', 'ps', 'ip', 'vi']],
    ['ubuntu', ['bash', 'ls'], ['ps', 'curl', 'wget', 'ping']],
    ['alpine', ['sh', 'wget', 'ping', 'ps', 'apk'], ['bash', 'curl']],
    ['resouer/ubuntu-bc', ['sh', 'bc'], ['ps']],
    ['curlimages/curl', ['curl', 'sh'], ['bash']],
    ['radial/busyboxplus:curl', ['curl', 'sh', 'wget'], ['bash']],
    ['quay.io/junkai/demo:1.0', ['sh', 'cat', 'hello-app'], ['bash']],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', ['agnhost', 'curl', 'bash', 'nslookup'], []],
  ])('gives %s the commands the real image has', (image, present, absent) => {
    const { commands } = found(image);
    for (const command of present) expect(commands, command).toContain(command);
    for (const command of absent) expect(commands, command).not.toContain(command);
  });

  it('gives every image a stable, well-formed digest', () => {
    const digest = found('nginx:1.25.3').digest;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(found('nginx:1.25.3').digest).toBe(digest);
    expect(found('nginx:1.25.2').digest).not.toBe(digest);
    const pinned = `sha256:${'b'.repeat(64)}`;
    expect(found(`nginx@${pinned}`).digest).toBe(pinned);
  });

  it('makes pulls take time by size: busybox about a second, nginx about five', () => {
    expect(found('busybox:1.28').pullSeconds).toBe(1);
    expect(found('nginx:1.25.3').pullSeconds).toBe(5.7);
    expect(found('perl:5.34.0').pullSeconds).toBe(23.4);
    expect(pullSecondsFor(0)).toBe(1);
  });

  it("reports the startup time of each image's main process", () => {
    expect(found('nginx').startupSeconds).toBe(1);
    expect(found('busybox').startupSeconds).toBe(0);
    expect(
      found('registry-vpc.ap-southeast-1.aliyuncs.com/allen-mo/proj.k8s-playground_app.eureka:20191227_01')
        .startupSeconds,
    ).toBe(38);
  });

  it('runs liveness images through the args the tutorials pass', () => {
    const liveness = found('quay.io/junkai/training:liveness');
    expect([liveness.entrypoint, liveness.cmd, liveness.commands]).toEqual([[], ['/server'], ['server']]);
    const agnhost = found('registry.k8s.io/e2e-test-images/agnhost:2.40');
    expect([agnhost.entrypoint, agnhost.cmd]).toEqual([['/agnhost'], ['pause']]);
    expect(found('registry.k8s.io/pause:3.9').user).toBe('65535:65535');
  });
});
