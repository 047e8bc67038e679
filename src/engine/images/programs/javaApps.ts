/**
 * JVM servers: a Spring Boot jar run by `java -jar` (seed 004's Eureka registry) and Tomcat's `catalina.sh run`.
 * They start slowly, and the JVM answers SIGTERM by running its shutdown hooks and exiting 143.
 */
import type { ProcessIO, SystemCalls } from '../../os/types';
import { httpResponse, splitTarget } from './programKit';
import { defineServerProgram, initialServerState, windDownOn, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatHttpDate, formatIsoSpaced, formatIsoTime, formatTomcatTime } from './timeFormats';

/** 128 + SIGTERM: what `System.exit` reports after the JVM's shutdown hooks ran on a signal. */
const JVM_SIGNAL_EXIT = 143;

/** The JVM runs its shutdown hooks on SIGTERM, SIGINT and SIGHUP (what they log is `announce`), then exits 143. */
function jvmShutdown<S extends ServerState>(
  delayMs: number,
  announce: (state: S, sys: SystemCalls, io: ProcessIO) => void,
) {
  return windDownOn<S>(['SIGTERM', 'SIGINT', 'SIGHUP'], delayMs, JVM_SIGNAL_EXIT, announce);
}

interface SpringState extends ServerState {
  jar: string;
  application: string;
}

function springLine(sys: SystemCalls, logger: string, message: string, thread = 'main'): string {
  return `${formatIsoSpaced(sys.now, 3)}  INFO ${sys.pid} --- [${thread.padStart(15)}] ${logger.padEnd(40)} : ${message}\n`;
}

const EUREKA_HOME = `<!doctype html>
<html>
<head><title>Eureka</title></head>
<body>
<h1>System Status</h1>
<h1>DS Replicas</h1>
<h1>Instances currently registered with Eureka</h1>
<p>No instances available</p>
</body>
</html>
`;

/** `java -jar app.jar`: a Spring Boot service; a jar named like eureka is a Eureka server on 8761. */
export const springBootApp = defineServerProgram<SpringState>({
  init(argv, env) {
    const jar = argv[argv.indexOf('-jar') + 1] ?? '/app.jar';
    const eureka = /eureka/i.test(jar);
    const port = Number(env.SERVER_PORT ?? (eureka ? 8761 : 8080));
    return {
      ...initialServerState(argv, env, [port]),
      jar,
      application: eureka ? 'EurekaServerApplication' : 'Application',
    };
  },
  startupMs: () => STARTUP_SECONDS.springBoot * 1000,
  start(state, sys, io) {
    io.stdout(`\n  :: Spring Boot ::        (v2.1.4.RELEASE)\n\n`);
    io.stdout(
      springLine(
        sys,
        `c.e.${state.application}`.slice(0, 40),
        `Starting ${state.application} on ${sys.hostname} with PID ${sys.pid} (${state.jar} started by root in /)`,
      ),
    );
    io.stdout(
      springLine(
        sys,
        `c.e.${state.application}`.slice(0, 40),
        'No active profile set, falling back to default profiles: default',
      ),
    );
    return undefined;
  },
  ready(state, sys, io) {
    const seconds = ((sys.now - state.startedAt) / 1000).toFixed(3);
    io.stdout(
      springLine(
        sys,
        'o.s.b.w.embedded.tomcat.TomcatWebServer',
        `Tomcat started on port(s): ${state.ports[0] ?? 8080} (http) with context path ''`,
      ),
    );
    io.stdout(
      springLine(
        sys,
        `c.e.${state.application}`.slice(0, 40),
        `Started ${state.application} in ${seconds} seconds (JVM running for ${(Number(seconds) + 1.2).toFixed(3)})`,
      ),
    );
  },
  respond(state, request, sys) {
    const { path } = splitTarget(request.path);
    const date = { Date: formatHttpDate(sys.now) };
    if (path === '/actuator/health') {
      return httpResponse(200, '{"status":"UP"}', {
        ...date,
        'Content-Type': 'application/vnd.spring-boot.actuator.v2+json;charset=UTF-8',
      });
    }
    if (path === '/' && state.application === 'EurekaServerApplication') {
      return httpResponse(200, EUREKA_HOME, { ...date, 'Content-Type': 'text/html;charset=UTF-8' });
    }
    const body = JSON.stringify({
      timestamp: formatIsoTime(sys.now).replace('Z', '+0000'),
      status: 404,
      error: 'Not Found',
      message: 'No message available',
      path,
    });
    return httpResponse(404, body, { ...date, 'Content-Type': 'application/json;charset=UTF-8' });
  },
  bindFailed(_state, port, sys, io) {
    io.stdout(
      `${formatIsoSpaced(sys.now, 3)} ERROR ${sys.pid} --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : \n\n***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nThe Tomcat connector configured to listen on port ${port} failed to start. The port may already be in use or the connector may be misconfigured.\n`,
    );
    return 1;
  },
  ...jvmShutdown(500, (_state, sys, io) =>
    io.stdout(
      springLine(
        sys,
        'o.s.s.concurrent.ThreadPoolTaskExecutor',
        "Shutting down ExecutorService 'applicationTaskExecutor'",
        'Thread-4',
      ),
    ),
  ),
  cmdline: (state) => state.argv.join(' '),
});

interface TomcatState extends ServerState {
  version: string;
}

function tomcatLine(sys: SystemCalls, logger: string, message: string, thread = 'main'): string {
  return `${formatTomcatTime(sys.now)} INFO [${thread}] ${logger} ${message}\n`;
}

/** Tomcat's error report for a path no web application serves (the official images ship an empty webapps/). */
function tomcatNotFound(version: string): string {
  return (
    '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body>' +
    '<h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p>' +
    '<p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p>' +
    `<hr class="line" /><h3>Apache Tomcat/${version}</h3></body></html>`
  );
}

/** `catalina.sh run`: Tomcat on 8080. */
export const tomcat = defineServerProgram<TomcatState>({
  init: (argv, env) => ({ ...initialServerState(argv, env, [8080]), version: env.TOMCAT_VERSION ?? '10.1.48' }),
  startupMs: () => STARTUP_SECONDS.tomcat * 1000,
  start(state, sys, io) {
    io.stderr(
      tomcatLine(
        sys,
        'org.apache.catalina.startup.VersionLoggerListener.log',
        `Server version name:   Apache Tomcat/${state.version}`,
      ),
    );
    io.stderr(
      tomcatLine(sys, 'org.apache.coyote.AbstractProtocol.init', 'Initializing ProtocolHandler ["http-nio-8080"]'),
    );
    return undefined;
  },
  ready(state, sys, io) {
    const elapsed = sys.now - state.startedAt;
    io.stderr(tomcatLine(sys, 'org.apache.catalina.core.StandardService.startInternal', 'Starting service [Catalina]'));
    io.stderr(
      tomcatLine(
        sys,
        'org.apache.catalina.core.StandardEngine.startInternal',
        `Starting Servlet engine: [Apache Tomcat/${state.version}]`,
      ),
    );
    io.stderr(
      tomcatLine(sys, 'org.apache.coyote.AbstractProtocol.start', 'Starting ProtocolHandler ["http-nio-8080"]'),
    );
    io.stderr(
      tomcatLine(sys, 'org.apache.catalina.startup.Catalina.start', `Server startup in [${elapsed}] milliseconds`),
    );
  },
  respond: (state, _request, sys) =>
    httpResponse(404, tomcatNotFound(state.version), {
      'Content-Type': 'text/html;charset=utf-8',
      'Content-Language': 'en',
      Date: formatHttpDate(sys.now),
    }),
  bindFailed(_state, port, sys, io) {
    io.stderr(
      `${formatTomcatTime(sys.now)} SEVERE [main] org.apache.catalina.util.LifecycleBase.handleSubClassException Failed to initialize component [Connector["http-nio-${port}"]]\n`,
    );
    return 1;
  },
  ...jvmShutdown(300, (_state, sys, io) => {
    io.stderr(
      tomcatLine(
        sys,
        'org.apache.coyote.AbstractProtocol.pause',
        'Pausing ProtocolHandler ["http-nio-8080"]',
        'Thread-1',
      ),
    );
    io.stderr(
      tomcatLine(
        sys,
        'org.apache.catalina.core.StandardService.stopInternal',
        'Stopping service [Catalina]',
        'Thread-1',
      ),
    );
  }),
  stopped(_state, sys, io) {
    io.stderr(
      tomcatLine(
        sys,
        'org.apache.coyote.AbstractProtocol.destroy',
        'Destroying ProtocolHandler ["http-nio-8080"]',
        'Thread-1',
      ),
    );
  },
  cmdline: () =>
    'java -Djava.util.logging.config.file=/usr/local/tomcat/conf/logging.properties org.apache.catalina.startup.Bootstrap start',
});
