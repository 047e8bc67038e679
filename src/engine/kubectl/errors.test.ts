import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/types';
import type { FakeCluster } from './testing/fakeCluster';
import { createSeededCluster } from './testing/fixtures';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n    image: nginx\n';

const cluster = () => createSeededCluster({ 'pod.yaml': POD });

function failCreate(c: FakeCluster, error: ApiError): void {
  c.api.failures.push({ verb: 'create', error });
}

describe('kubectl errors', () => {
  it('rejects unknown commands, suggesting close ones as cobra does', () => {
    const c = cluster();
    expect(c.run('bar')).toEqual({ stdout: '', stderr: 'error: unknown command "bar" for "kubectl"\n', exitCode: 1 });
    // Levenshtein distance 2 from `top`, as in real kubectl.
    expect(c.run('foo').stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
    expect(c.run('gte pods').stderr).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
    expect(c.run('rm pod web').stderr).toBe(
      'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\tdelete\n\trun\n',
    );
    expect(c.run('config foo').stderr).toBe('error: unknown command "foo" for "kubectl config"\n');
  });

  it('rejects unknown flags with the usage pointer', () => {
    const c = cluster();
    expect(c.run('get pods --foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
    expect(c.run('get pods -z').stderr).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
    );
    expect(c.run('logs web --tail=x').stderr).toBe(
      'error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n',
    );
  });

  it('asks for a resource type and names unknown ones', () => {
    const c = cluster();
    expect(c.run('get')).toEqual({
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      exitCode: 1,
    });
    expect(c.run('get foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(c.run('get pod/web web').stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
  });

  it('prints server errors with their reason', () => {
    const c = cluster();
    expect(c.run('get pod x').stderr).toBe('Error from server (NotFound): pods "x" not found\n');
    c.run('create -f pod.yaml');
    expect(c.run('create -f pod.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "x" already exists\n',
      exitCode: 1,
    });
  });

  it('prints Invalid errors as kubectl reformats them: one cause inline, several as * lines', () => {
    const c = cluster();
    failCreate(c, {
      code: 422,
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].image: Required value',
      details: {
        name: 'x',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
      },
    });
    expect(c.run('apply -f pod.yaml')).toEqual({
      stdout: '',
      stderr: 'The Pod "x" is invalid: spec.containers[0].image: Required value\n',
      exitCode: 1,
      hints: ['Every container needs an `image`.'],
    });
    failCreate(c, {
      code: 422,
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: ...',
      details: {
        name: 'web',
        kind: 'Deployment',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
            field: 'spec.template.metadata.labels',
          },
        ],
      },
    });
    const result = c.run('create -f pod.yaml');
    expect(result.stderr).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    );
    expect(result.hints).toEqual([
      "spec.selector must match the Pod template's labels: make spec.selector.matchLabels equal to (a subset of) spec.template.metadata.labels.",
      'apps/v1 workloads need spec.selector.matchLabels, matching spec.template.metadata.labels.',
    ]);
  });

  it('explains labels written as a list after the decode error', () => {
    const c = cluster();
    failCreate(c, {
      code: 400,
      reason: 'BadRequest',
      message:
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    });
    expect(c.run('apply -f pod.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string\n',
      exitCode: 1,
      hints: [
        'labels must be a map `key: value`, not a list: write `app: web` under `labels:`, without a leading `- `.',
      ],
    });
  });

  it('names the replacement of a removed API version, and a placeholder namespace', () => {
    const c = cluster();
    c.files['deploy.yaml'] =
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: super-front\n  namespace: 【你的环境名】\nspec:\n  replicas: 1\n';
    expect(c.run('apply -f deploy.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: resource mapping not found for name: "super-front" namespace: "【你的环境名】" from "deploy.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
      exitCode: 1,
      hints: [
        'Deployment is served by apps/v1 since Kubernetes 1.16: change apiVersion to apps/v1 (it also requires spec.selector, matching spec.template.metadata.labels).',
        '"【你的环境名】" is a placeholder, not a namespace name: replace it with a real namespace such as `default` (names use lowercase letters, digits and `-`).',
      ],
    });
    c.files['cron.yaml'] = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\n';
    expect(c.run('create -f cron.yaml').hints).toEqual([
      'CronJob is served by batch/v1 since Kubernetes 1.25: change apiVersion to batch/v1.',
    ]);
  });

  it('says how to fix a namespace that does not exist', () => {
    const c = cluster();
    c.files['ns.yaml'] = POD.replace('name: x\n', 'name: x\n  namespace: pg-allen\n');
    expect(c.run('apply -f ns.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): error when creating "ns.yaml": namespaces "pg-allen" not found\n',
      exitCode: 1,
      hints: [
        'The namespace "pg-allen" does not exist: create it with `kubectl create namespace pg-allen`, or use an existing one such as `default`.',
      ],
    });
  });

  it('reports missing files, YAML syntax errors and mismatched namespaces', () => {
    const c = cluster();
    c.files['bad.yaml'] = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n';
    expect(c.run('apply -f bad.yaml').stderr).toBe(
      'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
    );
    expect(c.run('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    c.files['other.yaml'] = POD.replace('name: x\n', 'name: x\n  namespace: other\n');
    expect(c.run('apply -f other.yaml -n dev').stderr).toBe(
      'error: the namespace from the provided object "other" does not match the namespace "dev". You must pass \'--namespace=other\' to perform this operation.\n',
    );
  });
});
