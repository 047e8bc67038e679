/**
 * Share: the scenario as it stands (what was done, the clock, the editor, the selection) as one link, copied to
 * the clipboard and shown with its length.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';

interface Shared {
  url: string;
  copied: boolean;
}

export function ShareButton() {
  const { t } = useTranslation();
  const ready = usePlayground((s) => s.status === 'ready' && s.workspaces.length > 0);
  const shareFragment = usePlayground((s) => s.shareFragment);
  const [shared, setShared] = useState<Shared>();

  const share = async () => {
    const url = `${location.origin}${location.pathname}#${await shareFragment()}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard permission (an insecure origin, a denied prompt): the link is shown to copy by hand.
    }
    setShared({ url, copied });
  };

  return (
    <div className="share">
      <button type="button" aria-label="Share" disabled={!ready} onClick={() => void share()}>
        {t('header.share')}
      </button>
      {shared && (
        <div
          className="popover share-popover"
          role="dialog"
          aria-label={t('share.title')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setShared(undefined);
          }}
        >
          <input
            aria-label="Share link"
            readOnly
            value={shared.url}
            data-link-length={shared.url.length}
            onFocus={(event) => event.target.select()}
            autoFocus
          />
          <p>
            {t('share.length', { count: shared.url.length })}{' '}
            {shared.copied ? t('share.copied') : t('share.copyByHand')}
          </p>
          <p className="muted">{t('share.explain')}</p>
          <button type="button" onClick={() => setShared(undefined)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
