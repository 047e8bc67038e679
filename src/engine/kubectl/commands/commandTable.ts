/** Every kubectl command this interpreter knows, in `kubectl --help` order. */
import type { CommandDef } from '../command';
import { applyCommand } from './applyCommand';
import { autoscaleCommand } from './autoscaleCommand';
import { configCommand } from './configCommand';
import { createCommand } from './createCommand';
import { deleteCommand } from './deleteCommand';
import { describeCommand } from './describeCommand';
import { eventsCommand } from './eventsCommand';
import { execCommand } from './execCommand';
import { exposeCommand } from './exposeCommand';
import { getCommand } from './get';
import {
  apiResourcesCommand,
  apiVersionsCommand,
  clusterInfoCommand,
  explainCommand,
  versionCommand,
} from './infoCommands';
import { annotateCommand, labelCommand } from './labelCommand';
import { logsCommand } from './logsCommand';
import { patchCommand } from './patchCommand';
import { replaceCommand } from './replaceCommand';
import { cordonCommand, taintCommand, uncordonCommand } from './nodeCommands';
import { drainCommand } from './drainCommand';
import { rolloutCommand } from './rolloutCommand';
import { runCommand } from './runCommand';
import { scaleCommand } from './scaleCommand';
import { setCommand } from './setCommand';
import { topCommand } from './topCommand';
import { waitCommand } from './waitCommand';

export const COMMANDS: readonly CommandDef[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
];
