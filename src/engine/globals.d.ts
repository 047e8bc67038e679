/** Provided by every runtime the engine runs in (Node ≥ 17, browsers, workers); absent from the ES2022 lib. */
declare function structuredClone<T>(value: T): T;
