/** The alphabet of generated name suffixes (apiserver/pkg/storage/names/generate.go: no vowels, no 0/1/3). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
