export { Eform } from './lib/eform';
export { EformSummary } from './lib/eform-summary';
export { validateEform, cleanEformData, defaultEformData, parseViNumber } from './lib/eform-validation';
export { normalizePointer, controlKind, getAt, setAt } from './lib/form-schema';
export type { FormSchema, EformErrors, EformFieldError, ControlKind } from './lib/form-schema';
