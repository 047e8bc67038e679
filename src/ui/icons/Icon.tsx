/**
 * The few control icons the page uses, drawn as SVG so they look the same with any installed font (emoji and
 * media-control characters are missing from many systems' fonts).
 */
const FILLED = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  step: 'M2.5 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z',
} as const;

/** A globe: the usual sign for a language choice. */
const GLOBE = 'M1.5 8h13M8 1.5c2 2 2.8 4 2.8 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.2 5.5 5.2 8S6 12.5 8 14.5';

export function Icon({ name }: { name: keyof typeof FILLED | 'language' }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {name === 'language' ? (
        <g fill="none" stroke="currentColor" strokeWidth="1.2">
          <circle cx="8" cy="8" r="6.5" />
          <path d={GLOBE} />
        </g>
      ) : (
        <path d={FILLED[name]} />
      )}
    </svg>
  );
}
