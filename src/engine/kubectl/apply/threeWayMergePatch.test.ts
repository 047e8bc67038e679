import { describe, expect, it } from 'vitest';
import { createThreeWayMergePatch } from './threeWayMergePatch';

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app', ...extra },
  spec: { containers },
});

describe('createThreeWayMergePatch', () => {
  it('is empty when the new config matches what is live', () => {
    const config = pod([{ name: 'app', image: 'nginx' }]);
    const live = { ...pod([{ name: 'app', image: 'nginx', imagePullPolicy: 'Always' }]), status: { phase: 'Running' } };
    expect(createThreeWayMergePatch(config, config, live)).toEqual({});
  });

  it('changes a container by its name and keeps the order the config wants', () => {
    const original = pod([
      { name: 'app', image: 'nginx:1.25' },
      { name: 'side', image: 'busybox' },
    ]);
    const modified = pod([
      { name: 'app', image: 'nginx:1.26' },
      { name: 'side', image: 'busybox' },
    ]);
    const live = pod([
      { name: 'app', image: 'nginx:1.25', terminationMessagePath: '/dev/termination-log' },
      { name: 'side', image: 'busybox' },
    ]);
    expect(createThreeWayMergePatch(original, modified, live)).toEqual({
      spec: {
        containers: [{ name: 'app', image: 'nginx:1.26' }],
        '$setElementOrder/containers': [{ name: 'app' }, { name: 'side' }],
      },
    });
  });

  it('deletes fields and list elements the last applied config had and the new one drops', () => {
    const original = pod(
      [
        {
          name: 'app',
          image: 'nginx',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 80 }],
        },
      ],
      { labels: { app: 'web', tier: 'fe' } },
    );
    const modified = pod([{ name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }] }], {
      labels: { app: 'web' },
    });
    const live = pod(
      [
        {
          name: 'app',
          image: 'nginx',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
        },
      ],
      { labels: { app: 'web', tier: 'fe', extra: 'kept' } },
    );
    expect(createThreeWayMergePatch(original, modified, live)).toEqual({
      metadata: { labels: { tier: null } },
      spec: {
        containers: [
          { name: 'app', env: [{ name: 'B', $patch: 'delete' }], '$setElementOrder/env': [{ name: 'A' }], ports: null },
        ],
        '$setElementOrder/containers': [{ name: 'app' }],
      },
    });
  });

  it('replaces lists without a merge key whole', () => {
    const original = pod([{ name: 'app', image: 'busybox', args: ['sleep', '10'] }]);
    const modified = pod([{ name: 'app', image: 'busybox', args: ['sleep', '20'] }]);
    expect(createThreeWayMergePatch(original, modified, original)).toEqual({
      spec: { containers: [{ name: 'app', args: ['sleep', '20'] }], '$setElementOrder/containers': [{ name: 'app' }] },
    });
  });

  it('adds what the live object lacks even without a last applied config', () => {
    const modified = pod([{ name: 'app', image: 'nginx' }], { labels: { app: 'web' } });
    const live = pod([{ name: 'app', image: 'nginx' }]);
    expect(createThreeWayMergePatch(undefined, modified, live)).toEqual({ metadata: { labels: { app: 'web' } } });
  });
});
