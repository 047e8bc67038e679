/** Server images: httpd, redis, mysql, tomcat, fluentd, node-exporter, the php samples, and the Kubernetes test images. */
import { compareVersions } from '../compareVersions';
import { STARTUP_SECONDS } from '../programs/startupSeconds';
import { alpineVariant, debianVariant, ubuntuVariant } from './baseImages';
import { busyboxApplets, mergeCommands, ORACLE_SLIM_COMMANDS } from './commandSets';
import {
  defineFixedTags,
  defineVariant,
  defineVersionedRepository,
  expandVersionTags,
  extendVariant,
  megabytes,
  patchRange,
  rootBinary,
  type ImageVariant,
  type RepositoryDefinition,
} from './imageDefinition';
import { DEFAULT_PATH, type DebianSuite } from './osReleases';

// --- httpd ---------------------------------------------------------------------------------------------------

const HTTPD_VERSIONS = expandVersionTags(
  {
    '2.2': [29, 31, 32, 34],
    '2.4': [
      10, 12, 16, 17, 18, 20, 23, 25, 27, 28, 29, 33, 34, 35, 37, 38, 39, 41, 43, 46, 48, 49, 50, 51, 52, 53, 54, 55,
      56, 57, 58, 59, 60, 61, 62, 63, 64, 65,
    ],
  },
  { latest: '2.4.65', '2': '2.4.65' },
);

function httpdSuite(version: string): DebianSuite {
  if (compareVersions(version, '2.4.27') < 0) return 'jessie';
  if (compareVersions(version, '2.4.39') < 0) return 'stretch';
  if (compareVersions(version, '2.4.49') < 0) return 'buster';
  if (compareVersions(version, '2.4.58') < 0) return 'bullseye';
  if (compareVersions(version, '2.4.65') < 0) return 'bookworm';
  return 'trixie';
}

const HTTPD_COMMANDS = [
  'httpd',
  'httpd-foreground',
  'apachectl',
  'ab',
  'htpasswd',
  'htdigest',
  'htdbm',
  'htcacheclean',
  'rotatelogs',
  'logresolve',
  'apxs',
];

/** The two bases of an official image: Debian for plain tags, the newest Alpine for `-alpine` ones. */
function officialBase(
  variant: string,
  commands: readonly string[],
  debian: { suite: DebianSuite; sizeMb: number },
  alpineSizeMb: number,
): ImageVariant {
  return variant === 'alpine'
    ? alpineVariant('3.22.2', commands, alpineSizeMb)
    : debianVariant(debian.suite, commands, debian.sizeMb);
}

const HTTPD = defineVersionedRepository(['docker.io/library/httpd'], HTTPD_VERSIONS, ['alpine'], (version, variant) =>
  extendVariant(officialBase(variant, HTTPD_COMMANDS, { suite: httpdSuite(version), sizeMb: 58.1 }, 20.1), {
    cmd: ['httpd-foreground'],
    env: { PATH: `/usr/local/apache2/bin:${DEFAULT_PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: version },
    workingDir: '/usr/local/apache2',
    exposedPorts: [80],
    files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' },
    startupSeconds: STARTUP_SECONDS.apache,
  }),
);

// --- redis ---------------------------------------------------------------------------------------------------

const REDIS_VERSIONS = expandVersionTags(
  {
    '5.0': patchRange(0, 14),
    '6.0': patchRange(0, 20),
    '6.2': patchRange(0, 14),
    '7.0': patchRange(0, 15),
    '7.2': patchRange(0, 5),
    '7.4': patchRange(0, 2),
    '8.0': patchRange(0, 2),
  },
  { latest: '8.0.2', '5': '5.0.14', '6': '6.2.14', '7': '7.4.2', '8': '8.0.2' },
);

const REDIS_COMMANDS = [
  'redis-server',
  'redis-cli',
  'redis-benchmark',
  'redis-check-aof',
  'redis-check-rdb',
  'redis-sentinel',
  'docker-entrypoint.sh',
  'gosu',
];

const REDIS = defineVersionedRepository(['docker.io/library/redis'], REDIS_VERSIONS, ['alpine'], (version, variant) =>
  extendVariant(officialBase(variant, REDIS_COMMANDS, { suite: 'bookworm', sizeMb: 45.2 }, 16.3), {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: { PATH: DEFAULT_PATH, REDIS_VERSION: version },
    workingDir: '/data',
    exposedPorts: [6379],
    files: { '/data/': '' },
    startupSeconds: STARTUP_SECONDS.redis,
  }),
);

// --- mysql ---------------------------------------------------------------------------------------------------

const MYSQL_VERSIONS = expandVersionTags(
  {
    '5.7': patchRange(21, 44),
    '8.0': patchRange(19, 44),
    '8.4': patchRange(0, 6),
    '9.0': [0, 1],
    '9.1': [0],
    '9.2': [0],
    '9.3': [0],
    '9.4': [0],
  },
  { latest: '9.4.0', '9': '9.4.0', '8': '8.4.6', lts: '8.4.6', '5': '5.7.44' },
);

const MYSQL_COMMANDS = [
  'mysql',
  'mysqld',
  'mysqladmin',
  'mysqldump',
  'mysql_tzinfo_to_sql',
  'mysqlsh',
  'docker-entrypoint.sh',
  'gosu',
];

const MYSQL = defineVersionedRepository(['docker.io/library/mysql'], MYSQL_VERSIONS, ['oracle'], (version) => {
  const release = compareVersions(version, '8.0') < 0 ? 'el7' : compareVersions(version, '8.4') < 0 ? 'el8' : 'el9';
  return defineVariant({
    sizeBytes: megabytes(compareVersions(version, '8.0') < 0 ? 147.9 : 168.4),
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    env: {
      PATH: DEFAULT_PATH,
      MYSQL_MAJOR: version.split('.').slice(0, 2).join('.'),
      MYSQL_VERSION: `${version}-1.${release}`,
    },
    exposedPorts: [3306, 33060],
    commands: mergeCommands(ORACLE_SLIM_COMMANDS, MYSQL_COMMANDS),
    // oraclelinux:9-slim: coreutils-single, and /bin/sh is bash.
    userland: { kind: 'gnu', sh: 'bash' },
    startupSeconds: STARTUP_SECONDS.mysql,
  });
});

// --- tomcat --------------------------------------------------------------------------------------------------

const TOMCAT_SERIES: Record<string, string> = {
  '8.5': '8.5.100',
  '9.0': '9.0.111',
  '10.1': '10.1.48',
  '11.0': '11.0.13',
};
const TOMCAT_JDKS: Record<string, readonly string[]> = {
  '8.5': ['jdk8', 'jre8', 'jdk11', 'jre11', 'jdk17', 'jre17', 'jdk21', 'jre21'],
  '9.0': ['jdk8', 'jre8', 'jdk11', 'jre11', 'jdk17', 'jre17', 'jdk21', 'jre21'],
  '10.1': ['jdk11', 'jre11', 'jdk17', 'jre17', 'jdk21', 'jre21'],
  '11.0': ['jdk17', 'jre17', 'jdk21', 'jre21'],
};

function buildTomcatTags(): Map<string, string> {
  const tags = new Map<string, string>();
  const aliases: Record<string, string> = { latest: '11.0', '11': '11.0', '10': '10.1', '9': '9.0', '8': '8.5' };
  for (const [series, version] of Object.entries(TOMCAT_SERIES)) {
    const names = [
      series,
      version,
      ...Object.entries(aliases)
        .filter(([, target]) => target === series)
        .map(([alias]) => alias),
    ];
    for (const name of names) {
      tags.set(name, version);
      for (const jdk of TOMCAT_JDKS[series] ?? []) tags.set(name === 'latest' ? jdk : `${name}-${jdk}`, version);
    }
  }
  return tags;
}

const TOMCAT_TAGS = buildTomcatTags();

const TOMCAT: RepositoryDefinition = {
  names: ['docker.io/library/tomcat'],
  resolveTag(tag) {
    const version = TOMCAT_TAGS.get(tag);
    if (version === undefined) return undefined;
    const base = ubuntuVariant(
      '24.04',
      ['java', 'keytool', 'jshell', 'catalina.sh', 'startup.sh', 'shutdown.sh', 'version.sh', 'configtest.sh'],
      181.3,
    );
    return extendVariant(base, {
      cmd: ['catalina.sh', 'run'],
      env: {
        PATH: `/usr/local/tomcat/bin:/opt/java/openjdk/bin:${DEFAULT_PATH}`,
        JAVA_HOME: '/opt/java/openjdk',
        CATALINA_HOME: '/usr/local/tomcat',
        TOMCAT_MAJOR: version.split('.')[0] ?? '',
        TOMCAT_VERSION: version,
      },
      workingDir: '/usr/local/tomcat',
      exposedPorts: [8080],
      files: { '/usr/local/tomcat/webapps/': '' },
      startupSeconds: STARTUP_SECONDS.tomcat,
    });
  },
};

// --- fluentd -------------------------------------------------------------------------------------------------

const FLUENTD_ES_CONF = '@include config.d/*.conf\n';
const FLUENTD_ES_OUTPUT = `<match **>
  @id elasticsearch
  @type elasticsearch
  @log_level info
  include_tag_key true
  host elasticsearch-logging
  port 9200
  logstash_format true
</match>
`;

/** The fluentd-elasticsearch addon image: Debian with fluentd and the Elasticsearch output, run by /run.sh. */
function fluentdElasticsearchVariant(): ImageVariant {
  const base = debianVariant('stretch', ['fluentd', 'fluent-gem', 'ruby', 'gem', 'run.sh'], 139.6);
  return extendVariant(base, {
    cmd: ['/run.sh'],
    files: {
      '/run.sh': '#!/bin/sh\n# exec /usr/local/bin/fluentd $FLUENTD_ARGS\n',
      '/etc/fluent/fluent.conf': FLUENTD_ES_CONF,
      '/etc/fluent/config.d/output.conf': FLUENTD_ES_OUTPUT,
    },
    startupSeconds: STARTUP_SECONDS.fluentd,
  });
}

const FLUENTD_ELASTICSEARCH = defineFixedTags(
  ['quay.io/fluentd_elasticsearch/fluentd', 'gcr.io/fluentd-elasticsearch/fluentd'],
  [
    'v2.4.0',
    'v2.5.0',
    'v2.5.1',
    'v2.5.2',
    'v2.6.0',
    'v2.7.0',
    'v2.8.0',
    'v2.9.0',
    'v3.0.0',
    'v3.0.1',
    'v3.0.2',
    'v3.0.4',
    'v3.1.0',
  ],
  fluentdElasticsearchVariant,
);

const LEGACY_FLUENTD_ELASTICSEARCH = defineFixedTags(
  ['k8s.gcr.io/fluentd-elasticsearch', 'gcr.io/google-containers/fluentd-elasticsearch'],
  ['1.19', '1.20', '1.22', 'v2.0.4'],
  fluentdElasticsearchVariant,
);

/** The fluentd project image: tini → entrypoint.sh → fluentd, with /fluentd/etc/fluent.conf. */
const FLUENTD = defineFixedTags(
  ['docker.io/library/fluentd', 'docker.io/fluent/fluentd'],
  ['latest', 'edge', 'v1.16-1', 'v1.16-debian-1', 'v1.17-1', 'v1.17-debian-1', 'v1.18-1', 'v1.18-debian-1'],
  (tag) => {
    const commands = ['fluentd', 'fluent-gem', 'ruby', 'gem', 'tini', 'entrypoint.sh'];
    const base = tag.includes('debian')
      ? debianVariant('bookworm', commands, 98.5)
      : alpineVariant('3.19.1', commands, 42.8);
    return extendVariant(base, {
      entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
      cmd: ['fluentd'],
      env: { PATH: DEFAULT_PATH, FLUENTD_CONF: 'fluent.conf' },
      user: 'fluent',
      exposedPorts: [5140, 24224],
      files: {
        '/bin/entrypoint.sh': '#!/bin/sh\n# a leading flag means fluentd flags, then exec "$@"\n',
        '/fluentd/etc/fluent.conf':
          '<source>\n  @type forward\n  port 24224\n</source>\n<match **>\n  @type stdout\n</match>\n',
      },
      startupSeconds: STARTUP_SECONDS.fluentd,
    });
  },
);

// --- monitoring ----------------------------------------------------------------------------------------------

const NODE_EXPORTER_TAGS = [
  'latest',
  'master',
  'v0.15.0',
  'v0.15.1',
  'v0.15.2',
  'v0.16.0',
  'v0.17.0',
  'v0.18.0',
  'v0.18.1',
  'v1.0.0',
  'v1.0.1',
  'v1.1.0',
  'v1.1.1',
  'v1.1.2',
  'v1.2.0',
  'v1.2.1',
  'v1.2.2',
  'v1.3.0',
  'v1.3.1',
  'v1.4.0',
  'v1.4.1',
  'v1.5.0',
  'v1.6.0',
  'v1.6.1',
  'v1.7.0',
  'v1.8.0',
  'v1.8.1',
  'v1.8.2',
  'v1.9.0',
  'v1.9.1',
];

/** prom/node-exporter: /bin/node_exporter on quay.io/prometheus/busybox, as nobody. */
export function nodeExporterVariant(): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(11.2),
    entrypoint: ['/bin/node_exporter'],
    user: 'nobody',
    userland: { kind: 'busybox', version: '1.36.1' },
    exposedPorts: [9100],
    commands: mergeCommands(busyboxApplets('1.36.1'), ['node_exporter']),
    files: { '/bin/node_exporter': '\u007fELF\n' },
    startupSeconds: STARTUP_SECONDS.nodeExporter,
  });
}

const NODE_EXPORTER = defineFixedTags(
  ['docker.io/prom/node-exporter', 'quay.io/prometheus/node-exporter'],
  NODE_EXPORTER_TAGS,
  nodeExporterVariant,
);

// --- php samples ---------------------------------------------------------------------------------------------

const PHP_APACHE_COMMANDS = [
  'php',
  'apache2',
  'apache2ctl',
  'apache2-foreground',
  'docker-php-ext-install',
  'docker-php-source',
];

/** php:5-apache (Debian jessie, Apache 2.4.10) with a document root, as the HPA walkthrough and guestbook use it. */
function phpApacheVariant(files: Record<string, string>, sizeMb: number): ImageVariant {
  return extendVariant(debianVariant('jessie', PHP_APACHE_COMMANDS, sizeMb), {
    cmd: ['apache2-foreground'],
    env: { PATH: DEFAULT_PATH, PHP_VERSION: '5.6.18', PHP_INI_DIR: '/usr/local/etc/php' },
    workingDir: '/var/www/html',
    exposedPorts: [80],
    files,
    startupSeconds: STARTUP_SECONDS.apache,
  });
}

/** The HPA walkthrough's php-apache: each request burns CPU in a loop, then prints `OK!`. */
const HPA_EXAMPLE_INDEX =
  '<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n';

const HPA_EXAMPLE = defineFixedTags(
  ['registry.k8s.io/hpa-example', 'k8s.gcr.io/hpa-example', 'gcr.io/google_containers/hpa-example'],
  ['latest'],
  () => phpApacheVariant({ '/var/www/html/index.php': HPA_EXAMPLE_INDEX }, 180.4),
);

const GUESTBOOK_PAGE = `<html>
<head>
<title>Guestbook</title>
</head>
<body>
<h2>Guestbook</h2>
<form>
<input placeholder="Messages" type="text">
<button type="submit">Submit</button>
</form>
<div></div>
</body>
</html>
`;

/** The guestbook frontend (Redis-backed in the tutorial; here its page only). */
const GB_FRONTEND = defineFixedTags(
  ['gcr.io/google_samples/gb-frontend', 'gcr.io/google-samples/gb-frontend'],
  ['v3', 'v4', 'v5', 'v6'],
  () =>
    phpApacheVariant(
      { '/var/www/html/index.html': GUESTBOOK_PAGE, '/var/www/html/guestbook.php': '<?php\n  echo "{}";\n?>\n' },
      181.2,
    ),
);

// --- Kubernetes test images ----------------------------------------------------------------------------------

const AGNHOST_COMMANDS = [
  'agnhost',
  'agnhost-2',
  'bash',
  'curl',
  'dig',
  'host',
  'nslookup',
  'nc',
  'ip',
  'ss',
  'iperf',
  'coredns',
];

function agnhostVariant(): ImageVariant {
  return extendVariant(alpineVariant('3.12.12', AGNHOST_COMMANDS, 51.2), {
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    exposedPorts: [80, 8080, 8081, 9376],
    files: { ...rootBinary('agnhost'), '/localhost.crt': '', '/localhost.key': '', '/uploads/': '' },
    startupSeconds: STARTUP_SECONDS.goServer,
  });
}

const agnhostTags = (from: number, to: number) => patchRange(from, to).map((minor) => `2.${minor}`);
const AGNHOST = defineFixedTags(['registry.k8s.io/e2e-test-images/agnhost'], agnhostTags(21, 53), agnhostVariant);
const AGNHOST_GCR = defineFixedTags(['k8s.gcr.io/e2e-test-images/agnhost'], agnhostTags(21, 40), agnhostVariant);
const AGNHOST_LEGACY = defineFixedTags(
  ['gcr.io/kubernetes-e2e-test-images/agnhost'],
  agnhostTags(1, 20),
  agnhostVariant,
);

function pauseVariant(): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(0.32),
    entrypoint: ['/pause'],
    user: '65535:65535',
    commands: ['pause'],
    userland: { kind: 'none' },
    files: rootBinary('pause'),
  });
}

const PAUSE_TAGS = ['3.1', '3.2', '3.3', '3.4.1', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10'];
const PAUSE = defineFixedTags(['registry.k8s.io/pause'], PAUSE_TAGS, pauseVariant);
const PAUSE_GCR = defineFixedTags(['k8s.gcr.io/pause'], ['2.0', '3.0', ...PAUSE_TAGS.slice(0, -1)], pauseVariant);
const PAUSE_LEGACY = defineFixedTags(
  ['gcr.io/google_containers/pause', 'gcr.io/google_containers/pause-amd64'],
  ['2.0', '3.0', '3.1'],
  pauseVariant,
);

/** A Go server built `FROM scratch` (one static binary at the root, no shell) that serves on 8080. */
function scratchGoServer(binary: string, sizeMb: number, launch: Partial<ImageVariant>): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(sizeMb),
    ...launch,
    exposedPorts: [8080],
    commands: [binary],
    userland: { kind: 'none' },
    files: rootBinary(binary),
    startupSeconds: STARTUP_SECONDS.goServer,
  });
}

/** The liveness server image of the probe tutorial: `/server`, started by the pod's `args: [/server]`. */
export function livenessVariant(): ImageVariant {
  return scratchGoServer('server', 2.6, { cmd: ['/server'] });
}

const LIVENESS = defineFixedTags(
  [
    'registry.k8s.io/liveness',
    'k8s.gcr.io/liveness',
    'gcr.io/google_containers/liveness',
    'gcr.io/google-containers/liveness',
  ],
  ['latest'],
  livenessVariant,
);

/** goproxy, the tcpSocket probe tutorial's server on 8080. */
export function goproxyVariant(): ImageVariant {
  return scratchGoServer('goproxy', 2.4, { entrypoint: ['/goproxy'] });
}

const GOPROXY = defineFixedTags(
  ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy', 'gcr.io/google_containers/goproxy'],
  ['0.1'],
  goproxyVariant,
);

export const SERVER_REPOSITORIES: readonly RepositoryDefinition[] = [
  HTTPD,
  REDIS,
  MYSQL,
  TOMCAT,
  FLUENTD_ELASTICSEARCH,
  LEGACY_FLUENTD_ELASTICSEARCH,
  FLUENTD,
  NODE_EXPORTER,
  HPA_EXAMPLE,
  GB_FRONTEND,
  AGNHOST,
  AGNHOST_GCR,
  AGNHOST_LEGACY,
  PAUSE,
  PAUSE_GCR,
  PAUSE_LEGACY,
  LIVENESS,
  GOPROXY,
];
