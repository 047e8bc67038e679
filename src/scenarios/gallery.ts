/// <reference types="vite/client" />
/**
 * The examples gallery: every example script with its ID and its one-line English and Chinese description (from
 * the script's header). The scripts are bundled into one chunk that loads when the gallery is first needed.
 */
import { scriptHeader } from '../engine/scenario/scriptHeader';

export interface GalleryExample {
  id: string;
  /** The seed it comes from (`S002`), or `P` for the playground's own. */
  group: string;
  en: string;
  zh: string;
  script: string;
}

const scripts = import.meta.glob<string>('./examples/*.sh', { query: '?raw', import: 'default', eager: true });

export const GALLERY: GalleryExample[] = Object.entries(scripts)
  .map(([path, script]) => {
    const id = path.replace(/^.*\/|\.sh$/g, '');
    const { description } = scriptHeader(script);
    return {
      id,
      group: id.startsWith('S') ? id.slice(0, 4) : 'P',
      en: description?.en ?? id,
      zh: description?.zh ?? description?.en ?? id,
      script,
    };
  })
  .sort((a, b) =>
    a.group === b.group
      ? a.id.localeCompare(b.id)
      : a.group === 'P'
        ? 1
        : b.group === 'P'
          ? -1
          : a.group.localeCompare(b.group),
  );

export function findExample(id: string): GalleryExample | undefined {
  return GALLERY.find((example) => example.id === id);
}
