export { focusFirstInvalid, focusPageHeading } from './lib/focus';
