export { IntakeModule } from './lib/intake.module';
export { DossierService } from './lib/dossier.service';

export { SubmitDossierDto, MyDossiersQueryDto, DossierLookupQueryDto } from './lib/dto/submit-dossier.dto';
export { tt01DossierCode, codeDay } from './lib/dossier-code';
export type { DossierCodeFormat, DossierCodeParts } from './lib/dossier-code';
export { FormValidator, toFieldErrors } from './lib/form-validation';
export type { FieldError } from './lib/form-validation';
export { INTAKE_CALENDAR, DOSSIER_CODE_FORMAT } from './lib/intake-calendar';
