/** The read-only kubectl commands behind each inspector tab, for the selected object. */
import type { ObjectRef } from '../../engine/view/clusterViewTypes';

export type InspectorTab = 'describe' | 'yaml' | 'events' | 'logs' | 'probes';

/** `deployment/web -n default`: the object as kubectl names it. */
function target(ref: ObjectRef): string {
  const namespace = ref.namespace ? ` -n ${ref.namespace}` : '';
  return `${ref.kind.toLowerCase()}/${ref.name}${namespace}`;
}

export function inspectorCommand(
  tab: Exclude<InspectorTab, 'probes'>,
  ref: ObjectRef,
  logs: { container?: string; previous: boolean } = { previous: false },
): string {
  switch (tab) {
    case 'describe':
      return `kubectl describe ${target(ref)}`;
    case 'yaml':
      return `kubectl get ${target(ref)} -o yaml`;
    case 'events':
      return `kubectl events --for ${target(ref)}`;
    case 'logs': {
      const container = logs.container ? ` -c ${logs.container}` : '';
      return `kubectl logs ${target(ref)}${container}${logs.previous ? ' --previous' : ''}`;
    }
  }
}

/** The tabs that make sense for a kind: logs and probes only for pods. */
export function inspectorTabs(kind: string): InspectorTab[] {
  return kind === 'Pod' ? ['describe', 'yaml', 'events', 'logs', 'probes'] : ['describe', 'yaml', 'events'];
}
