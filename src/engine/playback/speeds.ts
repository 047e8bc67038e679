/** Playback speeds the timeline offers: virtual seconds per real second. */
export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60] as const;
