/**
 * The load generators of the Kubernetes docs' resource tasks: polinux/stress (assign-memory-resource) and
 * vish/stress (assign-cpu-resource).
 */
import { alpineVariant } from './baseImages';
import { defineFixedTags, defineVariant, extendVariant, megabytes, rootBinary } from './imageDefinition';
import { DEFAULT_PATH } from './osReleases';

/**
 * polinux/stress (github.com/pozgo/docker-stress): `FROM alpine:latest`, stress 1.0.4 built from source into
 * /usr/local/bin with bash kept. Its `CMD ['/usr/local/bin/stress']` is not JSON (single quotes), so Docker stored it
 * in shell form: run without a command, the image asks sh for a program named `[/usr/local/bin/stress]`. The Alpine
 * release under `latest` and the size are estimates.
 */
const POLINUX_STRESS = defineFixedTags(['docker.io/polinux/stress'], ['latest', '1.0.4'], () =>
  extendVariant(alpineVariant('3.10.2', ['bash', 'stress'], 4.3), {
    cmd: ['/bin/sh', '-c', "['/usr/local/bin/stress']"],
    env: { PATH: DEFAULT_PATH, RELEASE_VERSION: '1.0.4', SHELL: '/bin/bash' },
    files: { '/usr/local/bin/stress': '\u007fELF\n' },
  }),
);

/**
 * vish/stress (github.com/vishh/stress): one static Go binary `FROM scratch`, `ENTRYPOINT ["/stress",
 * "-logtostderr"]`. The size is an estimate.
 */
const VISH_STRESS = defineFixedTags(['docker.io/vish/stress'], ['latest'], () =>
  defineVariant({
    sizeBytes: megabytes(2.3),
    entrypoint: ['/stress', '-logtostderr'],
    commands: ['stress'],
    userland: { kind: 'none' },
    files: rootBinary('stress'),
  }),
);

export const STRESS_REPOSITORIES = [POLINUX_STRESS, VISH_STRESS];
