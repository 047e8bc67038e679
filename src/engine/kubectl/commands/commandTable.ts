/** Every kubectl command this interpreter knows, in `kubectl --help` order. */
import type { CommandDef } from '../command';
import { applyCommand } from './applyCommand';
import { configCommand } from './configCommand';
import { createCommand } from './createCommand';
import { deleteCommand } from './deleteCommand';
import { describeCommand } from './describeCommand';
import { eventsCommand } from './eventsCommand';
import { execCommand } from './execCommand';
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
import { cordonCommand, taintCommand, uncordonCommand } from './nodeCommands';
import { runCommand } from './runCommand';
import { waitCommand } from './waitCommand';

export const COMMANDS: readonly CommandDef[] = [
  createCommand,
  runCommand,
  getCommand,
  explainCommand,
  deleteCommand,
  clusterInfoCommand,
  cordonCommand,
  uncordonCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  waitCommand,
  eventsCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
];
