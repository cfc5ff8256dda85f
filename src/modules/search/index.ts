export { SearchIndex, type ContactFields } from './search.service.js';
export type { SearchDocumentsTable, SearchIndexProgressTable, SearchSource } from './search.table.js';
export { MAX_SEARCH_TERMS, parseSearch, wordsOf, indexedText, type SearchTerm } from './words.js';
