import { describe, expect, it } from 'vitest';
import { explain } from './explain';
import { wrapWords } from './wrapWords';

const POD = { group: '', version: 'v1', kind: 'Pod' };

function text(result: ReturnType<typeof explain>): string {
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('explain', () => {
  it('prints pod.spec.containers.livenessProbe as kubectl 1.34 does', () => {
    expect(text(explain(POD, ['spec', 'containers', 'livenessProbe']))).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: livenessProbe <Probe>',
        '',
        '',
        'DESCRIPTION:',
        '    Periodic probe of container liveness. Container will be restarted if the',
        '    probe fails. Cannot be updated. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
        '    Probe describes a health check to be performed against a container to',
        '    determine whether it is alive or ready to receive traffic.',
        '    ',
        'FIELDS:',
        '  exec\t<ExecAction>',
        '    Exec specifies a command to execute in the container.',
        '',
        '  failureThreshold\t<integer>',
        '    Minimum consecutive failures for the probe to be considered failed after',
        '    having succeeded. Defaults to 3. Minimum value is 1.',
        '',
        '  grpc\t<GRPCAction>',
        '    GRPC specifies a GRPC HealthCheckRequest.',
        '',
        '  httpGet\t<HTTPGetAction>',
        '    HTTPGet specifies an HTTP GET request to perform.',
        '',
        '  initialDelaySeconds\t<integer>',
        '    Number of seconds after the container has started before liveness probes are',
        '    initiated. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
        '',
        '  periodSeconds\t<integer>',
        '    How often (in seconds) to perform the probe. Default to 10 seconds. Minimum',
        '    value is 1.',
        '',
        '  successThreshold\t<integer>',
        '    Minimum consecutive successes for the probe to be considered successful',
        '    after having failed. Defaults to 1. Must be 1 for liveness and startup.',
        '    Minimum value is 1.',
        '',
        '  tcpSocket\t<TCPSocketAction>',
        '    TCPSocket specifies a connection to a TCP port.',
        '',
        '  terminationGracePeriodSeconds\t<integer>',
        '    Optional duration in seconds the pod needs to terminate gracefully upon',
        '    probe failure. The grace period is the duration in seconds after the',
        '    processes running in the pod are sent a termination signal and the time when',
        '    the processes are forcibly halted with a kill signal. Set this value longer',
        '    than the expected cleanup time for your process. If this value is nil, the',
        "    pod's terminationGracePeriodSeconds will be used. Otherwise, this value",
        '    overrides the value provided by the pod spec. Value must be non-negative',
        '    integer. The value zero indicates stop immediately via the kill signal (no',
        '    opportunity to shut down). This is a beta field and requires enabling',
        '    ProbeTerminationGracePeriod feature gate. Minimum value is 1.',
        '    spec.terminationGracePeriodSeconds is used if unset.',
        '',
        '  timeoutSeconds\t<integer>',
        '    Number of seconds after which the probe times out. Defaults to 1 second.',
        '    Minimum value is 1. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('starts a kind with its description and lists fields with types', () => {
    const output = text(explain(POD, []));
    expect(
      output.startsWith(
        'KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \nFIELDS:\n  apiVersion\t<string>\n',
      ),
    ).toBe(true);
    expect(output).toContain('\n  spec\t<PodSpec>\n    Specification of the desired behavior of the pod. More info:\n');
  });

  it('shows the group, enums and -required-', () => {
    const output = text(explain({ group: 'apps', version: 'v1', kind: 'Deployment' }, 'spec'));
    expect(
      output.startsWith(
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: spec <DeploymentSpec>\n\n\n',
      ),
    ).toBe(true);
    expect(output).toContain('\n  selector\t<LabelSelector> -required-\n');
    expect(text(explain(POD, 'spec.restartPolicy'))).toContain(
      'FIELD: restartPolicy <string>\nENUM:\n    Always\n    Never\n    OnFailure\n\nDESCRIPTION:\n',
    );
    expect(text(explain(POD, 'spec.containers'))).toContain(
      '\n  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n    Image pull policy.',
    );
    expect(text(explain(POD, 'spec.containers.resources'))).toContain('\n  limits\t<map[string]Quantity>\n');
  });

  it('prints nested field names with --recursive', () => {
    expect(
      text(explain({ group: 'apps', version: 'v1', kind: 'Deployment' }, 'spec.strategy', { recursive: true })),
    ).toBe(
      'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n' +
        '    The deployment strategy to use to replace existing pods with new ones.\n    DeploymentStrategy describes how to replace existing pods with new ones.\n    \n' +
        'FIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    maxSurge\t<IntOrString>\n    maxUnavailable\t<IntOrString>\n  type\t<string>\n  enum: Recreate, RollingUpdate\n\n',
    );
  });

  it('names the last path element when a field does not exist', () => {
    expect(explain(POD, 'spec.foo')).toEqual({ ok: false, error: 'error: field "foo" does not exist' });
    expect(explain(POD, ['spec', 'foo', 'bar'])).toEqual({ ok: false, error: 'error: field "bar" does not exist' });
  });
});

describe('wrapWords', () => {
  it('breaks at spaces, keeps line breaks and long words whole', () => {
    expect(wrapWords('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapWords('a\n\n - b c', 6)).toBe('a\n\n - b c');
    expect(wrapWords('a\n\n - b c', 5)).toBe('a\n\n - b\nc');
    expect(wrapWords('see https://example.com/a/very/long/path now', 10)).toBe(
      'see\nhttps://example.com/a/very/long/path\nnow',
    );
  });
});
