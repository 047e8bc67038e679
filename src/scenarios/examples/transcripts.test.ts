import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../engine/script';

/**
 * Golden transcripts: every example script's whole output, byte for byte, as `<ID>.transcript` beside it. A change
 * that alters what a learner sees shows up here; after checking the new output, refresh with `npx vitest run -u`.
 * The e2e tests run some of the same scripts in the page's worker and compare with these files.
 */
const EXAMPLES = new URL('./', import.meta.url);
const scripts = fs
  .readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.sh'))
  .sort();

describe('golden transcripts of the example scripts', () => {
  it.each(scripts)(
    '%s',
    async (file) => {
      const transcript = runScript(fs.readFileSync(new URL(file, EXAMPLES), 'utf8')).transcript;
      await expect(transcript).toMatchFileSnapshot(`./${file.replace(/\.sh$/, '.transcript')}`);
    },
    60_000,
  );
});
