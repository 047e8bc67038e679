import { describe, expect, it } from 'vitest';
import { hintForPlaceholderNamespace, hintForRemovedApi, hintsForText } from './hints';

describe('hints', () => {
  it('names the replacement of removed API versions', () => {
    expect(hintForRemovedApi('apps/v1beta2', 'StatefulSet')).toBe(
      'StatefulSet is served by apps/v1 since Kubernetes 1.16: change apiVersion to apps/v1 (it also requires spec.selector, matching spec.template.metadata.labels).',
    );
    expect(hintForRemovedApi('networking.k8s.io/v1beta1', 'Ingress')).toBe(
      'Ingress is served by networking.k8s.io/v1 since Kubernetes 1.22: change apiVersion to networking.k8s.io/v1 (its backend is written as service.name and service.port.number).',
    );
    expect(hintForRemovedApi('policy/v1beta1', 'PodSecurityPolicy')).toBe(
      'PodSecurityPolicy in policy/v1beta1 was removed in Kubernetes 1.25 and has no replacement.',
    );
    expect(hintForRemovedApi('apps/v1', 'Deployment')).toBeUndefined();
  });

  it('tells a placeholder namespace from a missing one', () => {
    expect(hintForPlaceholderNamespace('dev')).toBeUndefined();
    expect(hintForPlaceholderNamespace('<your-namespace>')).toContain('"<your-namespace>" is a placeholder');
    expect(hintsForText('namespaces "dev" not found')).toEqual([
      'The namespace "dev" does not exist: create it with `kubectl create namespace dev`, or use an existing one such as `default`.',
    ]);
  });

  it('explains common validation errors once each', () => {
    expect(
      hintsForText('spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'),
    ).toEqual([
      'Deployments, ReplicaSets and DaemonSets keep their Pods running, so only `restartPolicy: Always` is allowed.',
    ]);
    expect(hintsForText('strict decoding error: unknown field "spec.containers[0].imagePullPolcy"')).toEqual([
      'The field "spec.containers[0].imagePullPolcy" does not exist here: check its spelling and indentation (`kubectl explain` shows the valid fields).',
    ]);
    expect(hintsForText('pods "x" not found')).toEqual([]);
  });
});
