/**
 * kube-controller-manager: runs the controllers, feeding each the watch events of the API server and dispatching
 * the syncs its work queue schedules on the runtime.
 */
import type { ApiServer } from '../api/apiServer';
import type { EventRecorder } from '../events/recorder';
import type { Runtime } from '../runtime/runtime';
import { controllerState, type Controller, type ControllerDefinition, type ControllerStates } from './controller';
import type { DecisionLog } from './decisionLog';
import { SYNC_TASK, WorkQueue, type SyncPayload } from './workQueue';

export class ControllerManager {
  private readonly controllers = new Map<string, { controller: Controller; queue: WorkQueue }>();

  constructor(
    runtime: Runtime,
    api: ApiServer,
    events: EventRecorder,
    decisions: DecisionLog,
    definitions: readonly ControllerDefinition[],
    states: ControllerStates,
  ) {
    for (const definition of definitions) {
      const queue = new WorkQueue(runtime, definition.name);
      const state = controllerState(states, definition.name);
      const controller = definition.create({ runtime, api, events, decisions, queue, state });
      this.controllers.set(definition.name, { controller, queue });
    }
    runtime.on(SYNC_TASK, (task) => {
      const { controller, key } = task.payload as SyncPayload;
      this.controllers.get(controller)?.controller.sync(key);
    });
    api.watch((event, resource, previous) => {
      for (const { controller, queue } of this.controllers.values()) {
        for (const key of controller.keysFor(event, resource, previous)) queue.add(key);
      }
    });
  }
}
