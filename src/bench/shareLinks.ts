/**
 * Share link lengths: a 60-line, two-manifest session (the brief's yardstick, target ≤ 600 characters with the
 * page's address) and every example of the gallery, as the links the page's Share button makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { defaultShape } from '../engine/cluster/shape';
import type { Scenario } from '../engine/scenario/scenario';
import { formatScenario } from '../engine/scenario/scenarioFile';
import { scenarioFromScript } from '../engine/scenario/scenarioFromScript';
import { encodeScenarioLink } from '../engine/scenario/scenarioLink';
import type { Figure } from './figures';

/** The development server's address; a deployed page's differs by its own length. */
const PAGE = 'http://127.0.0.1:5173/';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels:
    app: shop
spec:
  replicas: 4
  revisionHistoryLimit: 5
  minReadySeconds: 5
  selector:
    matchLabels:
      app: shop
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: web
        image: nginx:1.26
        env:
        - name: MODE
          value: demo
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 5
        livenessProbe:
          tcpSocket:
            port: 80
          initialDelaySeconds: 10
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
          limits:
            memory: 128Mi
---
apiVersion: v1
kind: Service
metadata:
  name: shop
  labels:
    app: shop
spec:
  type: NodePort
  selector:
    app: shop
  ports:
  - name: http
    port: 80
    targetPort: 80
`;

/** The brief's session: the two manifests applied from the editor, then scale, set image and a failing probe. */
function twoManifestSession(): Scenario {
  return {
    seed: 1,
    cluster: defaultShape(3),
    steps: [
      { at: 2_100, run: `kubectl apply -f - <<'EOF'\n${MANIFESTS}EOF` },
      { at: 30_500, run: 'kubectl scale deployment shop --replicas=6' },
      { at: 45_200, run: 'kubectl set image deployment/shop web=nginx:1.27' },
      { at: 70_000, run: 'kubeplay probe fail shop-7d9c8f6b5-x2x9z readiness' },
    ],
    clock: 95_300,
    end: 95_300,
    editor: MANIFESTS,
    view: { selected: 'Pod/default/shop-7d9c8f6b5-x2x9z' },
  };
}

const linkLength = (scenario: Scenario) => PAGE.length + 1 + encodeScenarioLink(scenario).length;

export function benchShareLinks(): Figure[] {
  const session = twoManifestSession();
  const withoutDictionary = Math.ceil((deflateSync(strToU8(formatScenario(session)), { level: 9 }).length * 4) / 3);
  const figures: Figure[] = [
    {
      name: `share link: ${MANIFESTS.trimEnd().split('\n').length}-line two-manifest session`,
      value: `${linkLength(session)} characters (${PAGE}#s1.…; without the dictionary ${PAGE.length + 5 + withoutDictionary})`,
    },
  ];
  const examples = new URL('../scenarios/examples/', import.meta.url);
  const lengths = readdirSync(examples)
    .filter((file) => file.endsWith('.sh'))
    .sort()
    .map((file) => {
      const scenario = scenarioFromScript(readFileSync(new URL(file, examples), 'utf8'));
      return { id: file.replace(/\.sh$/, ''), length: linkLength(scenario) };
    });
  for (const { id, length } of lengths)
    figures.push({ name: `share link: example ${id}`, value: `${length} characters` });
  const sorted = lengths.map((entry) => entry.length).sort((a, b) => a - b);
  figures.push({
    name: `share link: the ${lengths.length} examples`,
    value: `median ${sorted[Math.floor(sorted.length / 2)]}, longest ${sorted.at(-1)} characters`,
  });
  return figures;
}
