import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultShape } from '../cluster/shape';
import { LINK_DICTIONARY_V1 } from './linkDictionary';
import { formatScenario } from './scenarioFile';
import type { Scenario } from './scenario';
import { isScenarioLink } from './scenarioAddress';
import { decodeScenarioLink, encodeScenarioLink, MAX_LINK_CHARS } from './scenarioLink';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 4
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: web
        image: nginx:1.26
        readinessProbe:
          httpGet:
            path: /
            port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
  - port: 80
`;

const scenario: Scenario = {
  seed: 3,
  cluster: defaultShape(3),
  steps: [
    { at: 2_100, run: `kubectl apply -f - <<EOF\n${deployment}EOF` },
    { at: 30_500, run: 'kubectl scale deployment shop --replicas=6' },
    { at: 45_200, run: 'kubectl set image deployment/shop web=nginx:1.27' },
  ],
  clock: 95_300,
  editor: deployment,
  view: { selected: 'Deployment/default/shop' },
};

/** A link made the way version 1 makes them, from any text. */
const linkOf = (text: string) =>
  `s1.${Buffer.from(deflateSync(strToU8(text), { dictionary: strToU8(LINK_DICTIONARY_V1) })).toString('base64url')}`;

describe('share links', () => {
  it('round-trip a scenario exactly, behind the version prefix', () => {
    const link = encodeScenarioLink(scenario);
    expect(link).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    expect(isScenarioLink(`#${link}`)).toBe(true);
    expect(decodeScenarioLink(link)).toEqual({ ok: true, scenario });
    expect(decodeScenarioLink(`#${link}`)).toEqual({ ok: true, scenario });
  });

  it('are base64url of raw deflate with the version 1 dictionary', () => {
    const data = Buffer.from(encodeScenarioLink(scenario).slice(3), 'base64url');
    const text = strFromU8(inflateSync(data, { dictionary: strToU8(LINK_DICTIONARY_V1) }));
    expect(text).toBe(formatScenario(scenario));
  });

  it('keep a two-manifest session well under 2,000 characters', () => {
    expect(encodeScenarioLink(scenario).length).toBeLessThan(2_000);
  });

  it('refuse a damaged link with a clear message', () => {
    const link = encodeScenarioLink(scenario);
    expect(decodeScenarioLink(`${link.slice(0, 20)}!${link.slice(21)}`)).toEqual({
      ok: false,
      problem: 'damaged',
      error: 'the link is damaged: it holds characters a link never contains',
    });
    expect(decodeScenarioLink(link.slice(0, 4 * Math.floor(link.length / 8)))).toEqual({
      ok: false,
      problem: 'cut-short',
      error: 'the link is damaged or cut short: it does not decompress (was it copied whole?)',
    });
    expect(decodeScenarioLink('example=S000-pod')).toEqual({
      ok: false,
      problem: 'not-a-link',
      error: 'this is not a Kube Playground scenario link',
    });
  });

  it('refuse a link from a later version, naming it', () => {
    expect(decodeScenarioLink('s2.AAAA')).toEqual({
      ok: false,
      problem: 'newer',
      version: 2,
      error: 'the link was made by a newer Kube Playground (link format 2; this page reads up to 1)',
    });
  });

  it('refuse a link that decompresses to a scenario that is not valid', () => {
    expect(decodeScenarioLink(linkOf('apiVersion: kubeplay/v1\nkind: Scenario\nseed: -4\n'))).toEqual({
      ok: false,
      problem: 'invalid',
      error: "the link's scenario is not valid: seed must be a non-negative integer",
      line: 3,
      column: 1,
    });
  });

  it('refuse oversized links, and links that expand beyond the cap, before using them', () => {
    expect(decodeScenarioLink(`s1.${'A'.repeat(MAX_LINK_CHARS)}`)).toEqual({
      ok: false,
      problem: 'too-long',
      error: `the link is too long (${MAX_LINK_CHARS + 3} characters; at most ${MAX_LINK_CHARS})`,
    });
    const bomb = linkOf(`apiVersion: kubeplay/v1\nkind: Scenario\neditor: "${'x'.repeat(2_000_000)}"\n`);
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeScenarioLink(bomb)).toEqual({
      ok: false,
      problem: 'too-large',
      error: 'the scenario in the link is too large (more than 1000000 bytes)',
    });
  });
});
