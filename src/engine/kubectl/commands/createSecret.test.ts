import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

describe('kubectl create secret generic (create_secret.go)', () => {
  it('base64-encodes literals and files into data; the API defaults the type to Opaque', () => {
    const t = new TestCluster();
    t.session.writeFile('color.txt', 'color=blue\n');
    expect(
      t.kubectl('create secret generic s --from-literal=user=admin --from-file=color.txt --dry-run=client -o yaml')
        .stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  color.txt: Y29sb3I9Ymx1ZQo=\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: s\n',
    );
    expect(t.kubectl('create secret generic s --from-literal=user=admin').stdout).toBe('secret/s created\n');
    expect(t.kubectl('get secret s -o jsonpath={.type}/{.data.user}').stdout).toBe('Opaque/YWRtaW4=');
    t.session.writeFile('db.env', '# db\nDB_USER=root\n');
    expect(
      t.kubectl('create secret generic e --from-env-file=db.env --type=example.com/custom --dry-run=client -o yaml')
        .stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  DB_USER: cm9vdA==\nkind: Secret\nmetadata:\n  name: e\ntype: example.com/custom\n',
    );
  });

  it('hashes kind, type, name and data with --append-hash (hash.SecretHash)', () => {
    const t = new TestCluster();
    expect(t.kubectl('create secret generic s --from-literal=user=admin --append-hash').stdout).toBe(
      'secret/s-6c4g765dmd created\n',
    );
  });

  it('words key errors as create_secret.go does', () => {
    const t = new TestCluster();
    const error = (line: string) => t.kubectl(line).stderr;
    expect(error('create secret generic s --from-literal=a=1 --from-literal=a=2')).toBe(
      'error: cannot add key a, another key by that name already exists\n',
    );
    expect(error('create secret generic s --from-literal=..a=1')).toBe(
      `error: "..a" is not valid key name for a Secret must not start with '..'\n`,
    );
    expect(error('create secret generic s --from-file=none.txt')).toBe(
      'error: error reading none.txt: no such file or directory\n',
    );
    expect(error('create secret generic a b')).toBe(
      "error: exactly one NAME is required, got 2\nSee 'kubectl create secret generic -h' for help and examples\n",
    );
  });
});

describe('kubectl create secret tls (create_secret_tls.go)', () => {
  it('stores --cert and --key as tls.crt and tls.key', () => {
    const t = new TestCluster();
    t.session.writeFile('tls.crt', CERT);
    t.session.writeFile('tls.key', KEY);
    expect(t.kubectl('create secret tls web-tls --cert=tls.crt --key=tls.key --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\ndata:\n' +
        '  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n' +
        '  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUUKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=\n' +
        'kind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\n',
    );
    expect(t.kubectl('create secret tls web-tls --cert=tls.crt --key=tls.key').stdout).toBe('secret/web-tls created\n');
  });

  it('needs both files, readable and holding PEM data', () => {
    const t = new TestCluster();
    t.session.writeFile('tls.crt', CERT);
    t.session.writeFile('plain.txt', 'not pem\n');
    const error = (line: string) => t.kubectl(line).stderr;
    expect(error('create secret tls t --cert=tls.crt')).toBe('error: key and cert must be specified\n');
    expect(error('create secret tls t --cert=tls.crt --key=k.pem')).toBe(
      'error: Cannot read file k.pem, open k.pem: no such file or directory\n',
    );
    expect(error('create secret tls t --cert=plain.txt --key=tls.crt')).toBe(
      'error: tls: failed to find any PEM data in certificate input\n',
    );
    expect(error('create secret tls t --cert=tls.crt --key=plain.txt')).toBe(
      'error: tls: failed to find any PEM data in key input\n',
    );
  });
});

describe('kubectl create secret docker-registry (create_secret_docker.go)', () => {
  it('builds .dockerconfigjson: auths, then the server with username, password, email and auth', () => {
    const t = new TestCluster();
    const yaml = t.kubectl(
      'create secret docker-registry reg --docker-username=u --docker-password=p --docker-email=a@b.c -o yaml --dry-run=client',
    ).stdout;
    expect(yaml).toBe(
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiZW1haWwiOiJhQGIuYyIsImF1dGgiOiJkVHB3In19fQ==\nkind: Secret\nmetadata:\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n',
    );
    // No email: the field is left out; `<&>` are escaped as Go's json.Marshal does.
    const other = t.kubectl(
      "create secret docker-registry reg2 --docker-server=my.registry:5000 --docker-username=bob '--docker-password=p<&>'",
    );
    expect(other.stdout).toBe('secret/reg2 created\n');
    expect(t.kubectl("get secret reg2 -o 'jsonpath={.data.\\.dockerconfigjson}'").stdout).toBe(
      'eyJhdXRocyI6eyJteS5yZWdpc3RyeTo1MDAwIjp7InVzZXJuYW1lIjoiYm9iIiwicGFzc3dvcmQiOiJwXHUwMDNjXHUwMDI2XHUwMDNlIiwiYXV0aCI6IlltOWlPbkE4Smo0PSJ9fX0=',
    );
  });

  it('needs credentials or --from-file', () => {
    const t = new TestCluster();
    expect(t.kubectl('create secret docker-registry reg --docker-username=u').stderr).toBe(
      'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
    );
  });
});

describe('kubectl create secret', () => {
  it('alone prints the help listing its subcommands', () => {
    const t = new TestCluster();
    const result = t.kubectl('create secret');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      '  docker-registry   Create a secret for use with a Docker registry\n  generic           Create a secret from a local file, directory, or literal value\n  tls               Create a TLS secret\n',
    );
  });
});
