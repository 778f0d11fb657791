// Moved to src/model/vocabulary.ts (the vocabulary belongs to the model, which must not depend
// on the loader). Kept as a re-export so that code written against the old path still builds.
export * from '../model/vocabulary.js';
