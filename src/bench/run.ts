/**
 * `npm run bench`: speed and memory figures of the engine, printed (targets are in the README, not asserted).
 * `npm run bench -- <name>…` runs only the named benches (`rolling`, `probes`, `steady`, `page`, `links`); `page` builds
 * the page and measures it in Chromium.
 */
import { printFigures, type Figure } from './figures';
import { benchPage } from './page/pageFigures';
import { benchProbedPodsHour } from './probedPodsHour';
import { benchRollingUpdate } from './rollingUpdate';
import { benchShareLinks } from './shareLinks';
import { benchSteadyDeployments } from './steadyDeployments';

const BENCHES: Record<string, () => Figure[] | Promise<Figure[]>> = {
  rolling: benchRollingUpdate,
  probes: benchProbedPodsHour,
  steady: benchSteadyDeployments,
  page: benchPage,
  links: benchShareLinks,
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in BENCHES));
if (unknown.length > 0)
  throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
const names = chosen.length > 0 ? chosen : Object.keys(BENCHES);
const figures: Figure[] = [];
for (const name of names) figures.push(...(await BENCHES[name]!()));
printFigures(figures);
