import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createSeededCluster } from '../testing/fixtures';
import { deployment, replicaSet, seedAllKinds } from '../testing/workloadFixtures';

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const CAUSE = 'kubectl set image deployment/web nginx=nginx:1.26 --record=true';

/** Deployment `web` at revision 2 (nginx:1.26, recorded), revision 1 (nginx:1.25) scaled down. */
function cluster(options: { paused?: boolean } = {}) {
  const c = createSeededCluster();
  const d = deployment('web', {
    image: 'nginx:1.26',
    annotations: { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': CAUSE },
    status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
  });
  if (options.paused) (d.spec as { paused?: boolean }).paused = true;
  c.api.seed(d);
  c.api.seed(replicaSet(d, '5d8f7c9b4f', 2, { changeCause: CAUSE, status: { replicas: 3 } }));
  c.api.seed(replicaSet(d, '7c79c4bf97', 1, { replicas: 0, image: 'nginx:1.25', created: 1000 }));
  return c;
}

const live = (c: ReturnType<typeof cluster>, key: string) => c.api.objects[key] as KubeObject;
const image = (object: KubeObject) =>
  (object.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]?.image;

describe('kubectl rollout history', () => {
  it('lists revisions with their change cause and prints one revision’s pod template', () => {
    const c = cluster();
    expect(c.run('rollout history deployment/web').stdout).toBe(
      lines('deployment.apps/web ', 'REVISION  CHANGE-CAUSE', '1         <none>', `2         ${CAUSE}`, ''),
    );
    // The template goes through a PrefixWriter without a tabwriter: the tabs stay.
    expect(c.run('rollout history deploy web --revision=1').stdout).toBe(
      lines(
        'deployment.apps/web with revision #1',
        'Pod Template:',
        '  Labels:\tapp=web',
        '\tpod-template-hash=7c79c4bf97',
        '  Containers:',
        '   nginx:',
        '    Image:\tnginx:1.25',
        '    Port:\t80/TCP',
        '    Host Port:\t0/TCP',
        '    Environment:\t<none>',
        '    Mounts:\t<none>',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
      ),
    );
    expect(c.run('rollout history deploy/web --revision=7')).toEqual({
      stdout: '',
      stderr: 'error: unable to find the specified revision\n',
      exitCode: 1,
    });
    expect(c.run('rollout history deploy/web --revision=-1').stderr).toBe(
      'error: revision must be a positive integer: -1\n',
    );
  });

  it('says when there is no history and which kinds have none', () => {
    const c = createSeededCluster();
    c.api.seed(deployment('lonely'));
    expect(c.run('rollout history deploy/lonely').stdout).toBe('deployment.apps/lonely \nNo rollout history found.\n');
    expect(c.run('rollout history pod/web').stderr).toBe('error: no history viewer has been implemented for "Pod"\n');
    expect(c.run('rollout history').stderr).toBe('error: required resource not specified\n');
  });

  it('reads DaemonSet history from ControllerRevisions', () => {
    const c = createSeededCluster();
    seedAllKinds(c.api);
    // Revision 1 records the DaemonSet's current template, as the controller stores it.
    const revision1 = c.api.objects['controllerrevisions.apps/default/fluentd-6d4cf56db6'] as KubeObject;
    const dsTemplate = (c.api.objects['daemonsets.apps/default/fluentd'] as KubeObject).spec as { template: object };
    revision1.data = { spec: { template: { ...structuredClone(dsTemplate.template), $patch: 'replace' } } };
    const revision2 = structuredClone(revision1);
    revision2.metadata = {
      ...revision2.metadata,
      name: 'fluentd-7b9f8c6d5e',
      uid: 'cr-2',
      annotations: { 'kubernetes.io/change-cause': 'kubectl set image ds/fluentd fluentd=fluentd:v1.17' },
    };
    const data = revision2.data as { spec: { template: { spec: { containers: { image: string }[] } } } };
    (data.spec.template.spec.containers[0] as { image: string }).image = 'fluentd:v1.17';
    revision2.revision = 2;
    c.api.seed(revision2);
    expect(c.run('rollout history ds/fluentd').stdout).toBe(
      lines(
        'daemonset.apps/fluentd ',
        'REVISION  CHANGE-CAUSE',
        '1         <none>',
        '2         kubectl set image ds/fluentd fluentd=fluentd:v1.17',
        '',
      ),
    );
    expect(c.run('rollout history ds/fluentd --revision=2').stdout).toContain('    Image:\tfluentd:v1.17\n');
    // Undo goes back to revision 1: the revision's data is the patch.
    expect(c.run('rollout undo ds/fluentd').stdout).toBe(
      'daemonset.apps/fluentd skipped rollback (current template already matches revision 0)\n',
    );
    expect(c.run('rollout undo ds/fluentd --to-revision=2').stdout).toBe('daemonset.apps/fluentd rolled back\n');
    expect(image(c.api.objects['daemonsets.apps/default/fluentd'] as KubeObject)).toBe('fluentd:v1.17');
    expect(c.run('rollout undo sts/db').stderr).toBe('error: no last revision to roll back to\n');
  });
});

describe('kubectl rollout undo', () => {
  it('patches the previous revision’s template and annotations into the Deployment', () => {
    const c = cluster();
    expect(c.run('rollout undo deployment/web')).toEqual({
      stdout: 'deployment.apps/web rolled back\n',
      stderr: '',
      exitCode: 0,
    });
    const d = live(c, 'deployments.apps/default/web');
    expect(image(d)).toBe('nginx:1.25');
    // The hash label is dropped; the ReplicaSet's annotations replace the Deployment's except the skipped ones.
    expect((d.spec as { template: { metadata: unknown } }).template.metadata).toEqual({ labels: { app: 'web' } });
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2' });
    expect(c.api.patches.at(-1)?.type).toBe('json');
  });

  it('skips a revision the Deployment already runs and names missing ones', () => {
    const c = cluster();
    expect(c.run('rollout undo deploy web --to-revision=2').stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    );
    expect(c.run('rollout undo deploy web --to-revision=9').stderr).toBe(
      'error: unable to find specified revision 9 in history\n',
    );
    const lonely = createSeededCluster();
    const d = deployment('solo');
    lonely.api.seed(d);
    lonely.api.seed(replicaSet(d, '6b8d9f7c5d', 1));
    expect(lonely.run('rollout undo deploy/solo').stderr).toBe(
      'error: no rollout history found for deployment "solo"\n',
    );
    expect(lonely.run('rollout undo rs/solo-6b8d9f7c5d').stderr).toBe(
      'error: no rollbacker has been implemented for "ReplicaSet.apps"\n',
    );
  });

  it('refuses a paused Deployment and only prints the template on a client dry run', () => {
    expect(cluster({ paused: true }).run('rollout undo deploy/web').stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n",
    );
    const c = cluster();
    const out = c.run('rollout undo deploy/web --dry-run=client').stdout;
    expect(out.startsWith('deployment.apps/web Pod Template:\n  Labels:\tapp=web\n')).toBe(true);
    expect(out.endsWith('  Tolerations:\t<none>\n (dry run)\n')).toBe(true);
    expect(image(live(c, 'deployments.apps/default/web'))).toBe('nginx:1.26');
  });
});

describe('kubectl rollout pause, resume and restart', () => {
  it('pauses and resumes once, with kubectl’s errors for repeats', () => {
    const c = cluster();
    expect(c.run('rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    expect(c.run('rollout pause deployment/web').stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect(c.run('rollout restart deployment/web').stderr).toBe(
      `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`,
    );
    expect(c.run('rollout resume deployment/web -o name').stdout).toBe('deployment.apps/web\n');
    expect(c.run('rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect((live(c, 'deployments.apps/default/web').spec as { paused?: boolean }).paused).toBeUndefined();
  });

  it('restarts by stamping the template with the time', () => {
    const c = cluster();
    c.api.clock = Date.parse('2025-03-04T05:06:07.890Z');
    expect(c.run('rollout restart deploy/web').stdout).toBe('deployment.apps/web restarted\n');
    const template = (live(c, 'deployments.apps/default/web').spec as { template: KubeObject }).template;
    expect(template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2025-03-04T05:06:07Z' });
    seedAllKinds(c.api);
    expect(c.run('rollout pause ds/fluentd').stderr).toBe(
      'error: daemonsets.apps "fluentd" pausing is not supported\n',
    );
    expect(c.run('rollout restart ds/fluentd').stdout).toBe('daemonset.apps/fluentd restarted\n');
    expect(c.run('rollout restart cm/app-config').stderr).toBe(
      'error: configmaps "app-config" restarting is not supported\n',
    );
  });
});

/** Sets the Deployment's status (and observed generation) as the controller would. */
function setStatus(c: ReturnType<typeof cluster>, status: Record<string, unknown>, generation = 2): void {
  const d = structuredClone(live(c, 'deployments.apps/default/web'));
  d.status = { observedGeneration: generation, ...status };
  c.api.updateStatus(d);
}

describe('kubectl rollout status', () => {
  it('prints each status the watch sees until the rollout is done, in virtual time', () => {
    const c = cluster();
    const d = structuredClone(live(c, 'deployments.apps/default/web'));
    d.metadata.generation = 2;
    d.status = { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 };
    c.api.update(d);
    const steps = [
      { replicas: 3, updatedReplicas: 0, availableReplicas: 3 },
      { replicas: 4, updatedReplicas: 1, availableReplicas: 3 },
      { replicas: 4, updatedReplicas: 3, availableReplicas: 3 },
      { replicas: 3, updatedReplicas: 3, availableReplicas: 2 },
      { replicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    ];
    let tick = 0;
    c.onTick = () => {
      // Every other second nothing changes: no watch event, no line.
      const step = steps[tick++ / 2];
      if (step) setStatus(c, step);
    };
    expect(c.run('rollout status deployment/web')).toEqual({
      stdout: lines(
        'Waiting for deployment spec update to be observed...',
        'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...',
        'deployment "web" successfully rolled out',
      ),
      stderr: '',
      exitCode: 0,
    });
    expect(tick).toBe(9);
  });

  it('fails on a passed progress deadline, a timeout, a pinned revision and without a watch', () => {
    const c = cluster();
    setStatus(
      c,
      {
        replicas: 4,
        updatedReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      },
      1,
    );
    expect(c.run('rollout status deploy/web')).toEqual({
      stdout: '',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
      exitCode: 1,
    });
    setStatus(c, { replicas: 4, updatedReplicas: 1 }, 1);
    expect(c.run('rollout status deploy/web --timeout=3s')).toEqual({
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: 'error: timed out waiting for the condition\n',
      exitCode: 1,
    });
    expect(c.run('rollout status deploy/web --watch=false')).toEqual({
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('rollout status deploy/web --revision=1').stderr).toBe(
      'error: desired revision (1) is different from the running revision (2)\n',
    );
    c.onTick = () => delete c.api.objects['deployments.apps/default/web'];
    expect(c.run('rollout status deploy/web').stderr).toBe('error: object has been deleted\n');
  });

  it('follows DaemonSets and StatefulSets and names what it cannot follow', () => {
    const c = createSeededCluster();
    seedAllKinds(c.api);
    expect(c.run('rollout status ds/fluentd').stdout).toBe('daemon set "fluentd" successfully rolled out\n');
    expect(c.run('rollout status sts/db --watch=false').stdout).toBe('Waiting for 2 pods to be ready...\n');
    const sts = structuredClone(c.api.objects['statefulsets.apps/default/db'] as KubeObject);
    sts.status = { ...(sts.status as object), readyReplicas: 3, updatedReplicas: 1 };
    (sts.spec as { updateStrategy: unknown }).updateStrategy = {
      type: 'RollingUpdate',
      rollingUpdate: { partition: 1 },
    };
    c.api.update(sts);
    expect(c.run('rollout status sts/db --watch=false').stdout).toBe(
      'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...\n',
    );
    (sts.spec as { updateStrategy: unknown }).updateStrategy = { type: 'OnDelete' };
    c.api.update(sts);
    expect(c.run('rollout status sts/db').stderr).toBe(
      'error: rollout status is only available for RollingUpdate strategy type\n',
    );
    expect(c.run('rollout status job/pi').stderr).toBe('error: no status viewer has been implemented for Job.batch\n');
    expect(c.run('rollout status jobs').stderr).toBe(
      'error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n',
    );
  });
});
