import type { TFunction } from 'i18next';
import type { ScenarioOrigin } from '../../store/workspaces';

/** How the title bar names what is open: an example by ID, a shared link, a file, or the learner's own. */
export function originLabel(t: TFunction, origin: ScenarioOrigin, title: string | undefined): string {
  switch (origin.kind) {
    case 'example':
      return t('scenario.origin.example', { id: origin.id });
    case 'link':
      return t('scenario.origin.link', { title: title ?? '' });
    case 'file':
      return t('scenario.origin.file', { name: origin.name });
    case 'blank':
      return t('scenario.origin.blank');
  }
}
