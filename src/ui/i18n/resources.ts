/** Every locale's strings, one JSON file per namespace (`app`, `graph`, `editor`). */
import enApp from './locales/en/app.json';
import enEditor from './locales/en/editor.json';
import enGraph from './locales/en/graph.json';
import zhApp from './locales/zh/app.json';
import zhEditor from './locales/zh/editor.json';
import zhGraph from './locales/zh/graph.json';

export const resources = {
  en: { app: enApp, graph: enGraph, editor: enEditor },
  zh: { app: zhApp, graph: zhGraph, editor: zhEditor },
};

export type Language = keyof typeof resources;
export const LANGUAGES: Language[] = ['en', 'zh'];
