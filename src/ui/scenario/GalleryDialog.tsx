/** The examples gallery: every seed demo (and the playground's own) by ID, with its line in the page's language. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GalleryExample } from '../../scenarios/gallery';
import { usePlayground } from '../../store/playgroundStore';

export function GalleryDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const openExample = usePlayground((s) => s.openExample);
  const dialog = useRef<HTMLDialogElement>(null);
  const [examples, setExamples] = useState<GalleryExample[]>();

  useEffect(() => {
    dialog.current?.showModal();
    void import('../../scenarios/gallery').then((gallery) => setExamples(gallery.GALLERY));
  }, []);

  const groups = [...new Set(examples?.map((example) => example.group))];
  const choose = (id: string) => {
    onClose();
    void openExample(id);
  };

  return (
    <dialog ref={dialog} className="gallery" aria-label="Examples" onClose={onClose}>
      <header>
        <h2>{t('gallery.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('app.dismiss')}
        </button>
      </header>
      {!examples && <p>{t('gallery.loading')}</p>}
      {groups.map((group) => (
        <section key={group}>
          <h3>{t(`gallery.group.${group}`)}</h3>
          <ul>
            {examples!
              .filter((example) => example.group === group)
              .map((example) => (
                <li key={example.id}>
                  <button type="button" data-example={example.id} onClick={() => choose(example.id)}>
                    <code>{example.id}</code>
                    <span>{i18n.language === 'zh' ? example.zh : example.en}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </dialog>
  );
}
