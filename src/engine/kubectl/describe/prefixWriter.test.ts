import { describe, expect, it } from 'vitest';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefixWriter';

describe('PrefixWriter', () => {
  it('aligns consecutive tabbed lines as blocks, padding 2, last cell unpadded', () => {
    const w = new PrefixWriter();
    w.write(LEVEL_0, 'Name:\tweb\n');
    w.write(LEVEL_0, 'Namespace:\tdefault\n');
    w.write(LEVEL_0, 'Containers:\n');
    w.write(LEVEL_1, 'app:\n');
    w.write(LEVEL_1, 'Image:\tnginx\n');
    w.write(LEVEL_1, 'Port:\t80/TCP\n');
    expect(w.text()).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  app:\n  Image:  nginx\n  Port:   80/TCP\n',
    );
  });

  it('keeps empty cells as columns and aligns inner columns of a block together', () => {
    const w = new PrefixWriter();
    w.write(LEVEL_1, 'Namespace\tName\t\tCPU\n');
    w.write(LEVEL_1, '---------\t----\t\t---\n');
    w.write(LEVEL_1, 'default\tweb-1\t\t0 (0%)\n');
    expect(w.text()).toBe('  Namespace  Name     CPU\n  ---------  ----     ---\n  default    web-1    0 (0%)\n');
  });

  it('aligns what follows a flush on its own', () => {
    const w = new PrefixWriter();
    w.write(LEVEL_0, 'A-very-long-label:\tx\n');
    w.flush();
    w.write(LEVEL_0, 'B:\ty\n');
    expect(w.text()).toBe('A-very-long-label:  x\nB:  y\n');
  });
});
