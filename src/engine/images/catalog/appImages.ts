/** The tutorials' own application images: the seeds' apps, demo servers, and seed 004's private-registry images. */
import { STARTUP_SECONDS } from '../programs/startupSeconds';
import { alpineVariant, debianVariant } from './baseImages';
import {
  defineFixedTags,
  extendVariant,
  patchRange,
  rootBinary,
  type ImageVariant,
  type RepositoryDefinition,
} from './imageDefinition';
import { NGINX_DEFAULT_CONF } from './nginxFiles';
import { nginxVariant } from './nginxImages';
import { DEFAULT_PATH } from './osReleases';
import { goproxyVariant, livenessVariant, nodeExporterVariant } from './serverImages';

/** Seed 000's `app:1.0.x`: a Go server built FROM alpine, `WORKDIR /root/`, `CMD ["./app"]`, on 8080. */
const SEED_APP = defineFixedTags(
  ['docker.io/library/app'],
  patchRange(0, 3).map((patch) => `1.0.${patch}`),
  () =>
    extendVariant(alpineVariant('3.12.3', ['app'], 7.9), {
      cmd: ['./app'],
      workingDir: '/root/',
      files: { '/root/app': '\u007fELF\n' },
      startupSeconds: STARTUP_SECONDS.goServer,
    }),
);

/** Google's hello-app 1.0 (alpine): `Hello, world!`, its version and the hostname on $PORT (8080). */
function helloAppVariant(): ImageVariant {
  return extendVariant(alpineVariant('3.7.0', ['hello-app'], 4.1), {
    cmd: ['/hello-app'],
    env: { PATH: DEFAULT_PATH, PORT: '8080' },
    files: rootBinary('hello-app'),
    startupSeconds: STARTUP_SECONDS.goServer,
  });
}

const HELLO_APP = defineFixedTags(
  ['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
  ['1.0'],
  helloAppVariant,
);

/** Seed 002's demo server: the same program as hello-app 1.0. */
const JUNKAI_DEMO = defineFixedTags(['quay.io/junkai/demo'], ['1.0'], helloAppVariant);

/** Seed 002's probe images, copies of the Kubernetes liveness and goproxy images. */
const JUNKAI_TRAINING: RepositoryDefinition = {
  names: ['quay.io/junkai/training'],
  resolveTag: (tag) =>
    tag === 'liveness' ? livenessVariant() : tag === 'goproxy-liveness' ? goproxyVariant() : undefined,
};

/** ikubernetes/myapp's site: the version page, and `hostname.html` answering the pod name through nginx. */
const MYAPP_CONF = NGINX_DEFAULT_CONF.replace(
  '    #error_page  404',
  '    location = /hostname.html {\n        default_type text/html;\n        return 200 "$hostname\\n";\n    }\n\n    #error_page  404',
);

/** ikubernetes/myapp:vN (seed 003's `myapp:v1`): nginx 1.12 on Alpine serving its version page. */
const MYAPP = defineFixedTags(
  ['docker.io/ikubernetes/myapp', 'docker.io/library/myapp'],
  patchRange(1, 7).map((version) => `v${version}`),
  (tag) =>
    extendVariant(nginxVariant('1.12.2', 'alpine'), {
      sizeBytes: 6_597_138,
      files: {
        '/etc/nginx/conf.d/default.conf': MYAPP_CONF,
        '/usr/share/nginx/html/index.html': `Hello MyApp | Version: ${tag} | <a href="hostname.html">Pod Name</a>\n`,
      },
    }),
);

/** Seed 003's HPA exercise image, an nginx build in a personal Aliyun namespace. */
const DOTBALO_NGINX = defineFixedTags(['registry.cn-beijing.aliyuncs.com/dotbalo/nginx'], ['latest'], () =>
  nginxVariant('1.15.2', 'debian'),
);

/** Seed 004's Eureka registry: a Spring Boot jar on OpenJDK 8, port 8761, with bash and ping for the exercise. */
const SEED_EUREKA = defineFixedTags(
  ['registry-vpc.ap-southeast-1.aliyuncs.com/allen-mo/proj.k8s-playground_app.eureka'],
  ['20191227_01'],
  () => {
    const base = debianVariant(
      'stretch',
      ['java', 'keytool', 'jjs', 'ping', 'curl', 'wget', 'ps', 'top', 'free', 'kill'],
      212.7,
    );
    return extendVariant(base, {
      entrypoint: ['java', '-Djava.security.egd=file:/dev/./urandom', '-jar', '/app/eureka.jar'],
      cmd: [],
      env: {
        PATH: `/usr/local/openjdk-8/bin:${DEFAULT_PATH}`,
        JAVA_HOME: '/usr/local/openjdk-8',
        JAVA_VERSION: '8u232',
      },
      exposedPorts: [8761],
      files: { '/app/eureka.jar': 'PK\u0003\u0004\n' },
      startupSeconds: STARTUP_SECONDS.springBoot,
    });
  },
);

/** Seed 004's private node-exporter build (it reads its port from `web_listen_address`). */
const SEED_NODE_EXPORTER = defineFixedTags(
  ['172.30.10.185:15000/common/prometheus-node-exporter'],
  ['2020041501'],
  nodeExporterVariant,
);

export const APP_REPOSITORIES: readonly RepositoryDefinition[] = [
  SEED_APP,
  HELLO_APP,
  JUNKAI_DEMO,
  JUNKAI_TRAINING,
  MYAPP,
  DOTBALO_NGINX,
  SEED_EUREKA,
  SEED_NODE_EXPORTER,
];
