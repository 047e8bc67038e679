/**
 * Seconds from process start until each program serves. One table for the programs (which bind their ports after
 * this long) and the catalog (which reports it as the image's startupSeconds), so probes see a realistic start.
 */
export const STARTUP_SECONDS = {
  nginx: 1,
  apache: 1,
  redis: 0.5,
  /** agnhost and the small Go servers start in milliseconds. */
  goServer: 0.2,
  nodeExporter: 0.5,
  fluentd: 4,
  /** A Spring Boot service (seed 004's Eureka) on a 500m CPU limit. */
  springBoot: 38,
  tomcat: 4,
  /** First start of mysqld initialises the data directory, then restarts. */
  mysql: 16,
  simulated: 2,
} as const;
