export { foldVietnamese, searchTerms } from './lib/vietnamese';
