import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

describe('kubectl create service (create_service.go)', () => {
  it('makes a Service selecting app=NAME with a port named after each --tcp pair', () => {
    const t = new TestCluster();
    expect(t.kubectl('create service nodeport my-ns --tcp=5678:8080 --node-port=30080').stdout).toBe(
      'service/my-ns created\n',
    );
    const yaml = t.kubectl('get svc my-ns -o yaml').stdout;
    expect(yaml).toContain('  labels:\n    app: my-ns\n');
    expect(yaml).toMatch(
      /ports:\n {2}- name: 5678-8080\n {4}nodePort: 30080\n {4}port: 5678\n {4}protocol: TCP\n {4}targetPort: 8080\n/,
    );
    expect(t.kubectl('create service clusterip headless --clusterip=None').stdout).toBe('service/headless created\n');
    expect(t.kubectl('get svc headless').stdout).toMatch(/^headless\s+ClusterIP\s+None\s+<none>\s+<none>\s/m);
  });

  it('says what is missing or wrong, as kubectl does', () => {
    const t = new TestCluster();
    const error = (line: string) => t.kubectl(line).stderr;
    expect(error('create service clusterip web')).toBe('error: at least one tcp port specifier must be provided\n');
    expect(error('create service clusterip web --tcp=http')).toBe(
      'error: strconv.ParseUint: parsing "http": invalid syntax\n',
    );
    expect(error('create service externalname web')).toBe('error: required flag(s) "external-name" not set\n');
    expect(error('create service externalname web --external-name Bad_Name')).toBe(
      'error: invalid service external name Bad_Name\n',
    );
    t.kubectl('create service nodeport a --tcp=80 --node-port=30080');
    expect(error('create service nodeport b --tcp=80 --node-port=30080')).toBe(
      'error: failed to create NodePort service: Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
  });
});
