import type { ProgramRegistry } from '../types';
import { agnhost } from './agnhost';
import { apache } from './apache';
import { ENTRYPOINT_PROGRAMS } from './entrypointScripts';
import { fluentd } from './fluentd';
import { goproxy, helloApp, livenessServer, seedApp } from './goServers';
import { springBootApp, tomcat } from './javaApps';
import { mysqld } from './mysqld';
import { nginxMaster } from './nginx/nginxMaster';
import { NGINX_WORKER_PROGRAM, nginxWorker } from './nginx/nginxWorker';
import { nodeExporter } from './nodeExporter';
import { pause } from './pause';
import { redisServer } from './redisServer';
import { SIMULATED_APP, simulatedApp } from './simulatedApp';
import { STRESS_HOG_PROGRAM, stressHog } from './stress';
import { stressBinary } from './stressBinary';

/**
 * The long-running programs images ship, keyed by executable basename as the kernel looks them up (argv[0]), plus
 * `nginx-worker` and `stress-hog`, which nginx's master and stress fork. Shells and short utilities live elsewhere.
 */
export const imagePrograms: ProgramRegistry = {
  ...ENTRYPOINT_PROGRAMS,
  nginx: nginxMaster,
  'nginx-debug': nginxMaster,
  [NGINX_WORKER_PROGRAM]: nginxWorker,
  'httpd-foreground': apache,
  'apache2-foreground': apache,
  'redis-server': redisServer,
  mysqld,
  'catalina.sh': tomcat,
  java: springBootApp,
  fluentd,
  agnhost,
  'agnhost-2': agnhost,
  server: livenessServer,
  'hello-app': helloApp,
  app: seedApp,
  goproxy,
  node_exporter: nodeExporter,
  pause,
  stress: stressBinary,
  [STRESS_HOG_PROGRAM]: stressHog,
  [SIMULATED_APP]: simulatedApp,
};
