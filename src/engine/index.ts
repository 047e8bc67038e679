/** The engine's public surface: clusters, sessions, scripts. Everything here runs in Node and in a Web Worker. */
export { Cluster, SNAPSHOT_VERSION, type ClusterOptions, type ClusterState } from './cluster/cluster';
export { defaultShape, type ClusterShape, type NodeShape } from './cluster/shape';
export { parseClusterShape } from './cluster/parseClusterShape';
export { Session, type CommandOutput } from './session/session';
export { runScript, parseScript, ScriptSyntaxError, type ScriptRun, type ScriptStepResult } from './script';
export type { KubectlResult } from './kubectl/types';
export type { Scenario, ScenarioStep, ScenarioView } from './scenario/scenario';
export { formatScenario, parseScenario, type ScenarioResult } from './scenario/scenarioFile';
export { decodeScenarioLink, encodeScenarioLink } from './scenario/scenarioLink';
export { isScenarioLink } from './scenario/scenarioAddress';
export { openScenario, momentOf } from './scenario/scenarioPlayback';
export { momentFrom, type ScenarioMoment } from './scenario/scenarioMoment';
export { scenarioFromScript } from './scenario/scenarioFromScript';
export { playScenario } from './scenario/playScenario';
export { readScenarioText } from './scenario/readScenarioText';
